/**
 * Spring AOT for the runnable server, used only where it cannot change what the server does: the
 * build ({@code process-aot}) writes the bean definitions its configuration produces and
 * {@link dev.latchkey.server.aot.BuildProperties} records every property the build consulted to
 * decide them; {@link dev.latchkey.server.aot.AheadOfTimeGuard} starts the server on those
 * definitions only when each of those properties still has the value it had at build time.
 */
package dev.latchkey.server.aot;
