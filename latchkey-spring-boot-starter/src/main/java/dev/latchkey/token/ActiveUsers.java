package dev.latchkey.token;

/**
 * Answers whether a token's user may still use it: exists and is active. Refresh asks on every
 * call (a deactivated user cannot mint new tokens).
 */
@FunctionalInterface
public interface ActiveUsers {

	boolean isActive(long userId);

}
