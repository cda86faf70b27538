/**
 * The standalone Latchkey server: the starter in a runnable application, with an embedded H2 file
 * database by default or PostgreSQL, and its command-line entry point.
 */
package dev.latchkey.server;
