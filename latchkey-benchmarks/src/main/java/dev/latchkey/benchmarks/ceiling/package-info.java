/**
 * The load test's ceiling: a trivial endpoint served by the same server, to tell Latchkey's cost
 * from the HTTP stack's.
 */
package dev.latchkey.benchmarks.ceiling;
