/**
 * Work that runs beside the requests: {@link dev.latchkey.background.BackgroundSchedule}, the one
 * daemon thread a background job gets from start to stop. Free of web types and of every other
 * Latchkey package, so that any package can schedule on it.
 */
package dev.latchkey.background;
