/**
 * The server's {@code manage.py}-style commands ({@code createsuperuser}, {@code changepassword},
 * {@code flushexpiredtokens}, {@code import-django-users}, ...): argument parsing, terminal I/O and
 * the application context they run in.
 */
package dev.latchkey.server.command;
