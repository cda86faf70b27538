/**
 * JMH micro-benchmarks of tokens and password hashing against other JWT libraries, and the
 * timers the load scripts use; see BENCHMARKS.md.
 */
package dev.latchkey.benchmarks;
