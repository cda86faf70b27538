/**
 * {@link dev.latchkey.fault.Fault}, the common parent of the refusals every other package throws,
 * free of web types so that domain packages can use it.
 */
package dev.latchkey.fault;
