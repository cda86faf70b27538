package dev.latchkey.server.importer;

import java.util.function.Consumer;

/**
 * Where the importer reads a Django project's users and revoked refresh tokens from: its
 * database ({@link JdbcDjangoSource}) or a {@code manage.py dumpdata} file
 * ({@link DumpdataDjangoSource}). Rows are streamed, never all held in memory.
 */
public interface DjangoSource extends AutoCloseable {

	/** What is read, for the progress log: e.g. {@code "table users of jdbc:sqlite:db.sqlite3"}. */
	String description();

	/**
	 * Hand every user to {@code action}, in ascending id order where the source allows.
	 * @throws DjangoSourceException when the source cannot be read
	 */
	void forEachUser(Consumer<DjangoUser> action);

	/**
	 * Hand every blacklisted SimpleJWT token to {@code action}; none when the source has no
	 * {@code token_blacklist} data.
	 * @throws DjangoSourceException when the source cannot be read
	 */
	void forEachBlacklistedToken(Consumer<DjangoToken> action);

	@Override
	void close();

}
