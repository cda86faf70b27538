/**
 * Test fixtures shared by the starter's tests and the benchmarks: in-memory repositories that keep
 * the contract of the JDBC ones (the starter's {@code *RepositoryContractTests} run both), and a
 * clock that tests move by hand.
 */
package dev.latchkey.testing;
