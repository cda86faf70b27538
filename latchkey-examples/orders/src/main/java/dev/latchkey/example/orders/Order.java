package dev.latchkey.example.orders;

/**
 * An order of one user.
 *
 * @param id the order's number
 * @param owner id of the Latchkey user who placed it
 * @param item what was ordered
 * @param quantity how many
 * @param shipped whether it has left the warehouse
 */
public record Order(long id, long owner, String item, int quantity, boolean shipped) {

}
