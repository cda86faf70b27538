/**
 * Benchmarks of candidate changes measured against today's code (BENCHMARKS.md, section 6), kept
 * so the measurements can be repeated.
 */
package dev.latchkey.benchmarks.candidate;
