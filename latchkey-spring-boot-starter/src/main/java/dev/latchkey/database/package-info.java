/**
 * Riding out database outages: whether the database answers (a background monitor and probe),
 * which failures mean "unavailable" (a 503, not a 500), and a cache that serves its last value
 * meanwhile.
 */
package dev.latchkey.database;
