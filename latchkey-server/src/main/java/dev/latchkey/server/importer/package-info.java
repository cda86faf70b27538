/**
 * Importing a Django project's users (ids and password hashes kept) and blacklisted SimpleJWT
 * tokens, from its database or from {@code manage.py dumpdata} JSON, in batches.
 */
package dev.latchkey.server.importer;
