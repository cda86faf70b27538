package dev.latchkey.server.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

class DumpdataDjangoSourceTests {

	@TempDir
	Path directory;

	@Test
	void openWhenSeedDumpThenSameUsersAndTokensAsTheDatabase() {
		try (DjangoSource dump = DumpdataDjangoSource.open(DjangoFixtures.path("seed-users.dumpdata.json"), null);
				DjangoSource sqlite = JdbcDjangoSource.open(DjangoFixtures.sqliteUrl("seed-users.sqlite3"), null, null,
						null)) {
			assertThat(JdbcDjangoSourceTests.users(dump)).isEqualTo(JdbcDjangoSourceTests.users(sqlite));
			// SQLite keeps microseconds that dumpdata rounds to milliseconds: compare what matters.
			assertThat(JdbcDjangoSourceTests.tokens(dump)).extracting(DjangoToken::jti, DjangoToken::userId,
					DjangoToken::expiresAt)
				.isEqualTo(JdbcDjangoSourceTests.tokens(sqlite).stream()
					.map((token) -> tuple(token.jti(), token.userId(), token.expiresAt()))
					.toList());
		}
	}

	@Test
	void forEachBlacklistedTokenWhenNaturalKeysAndAnyOrderThenJoined() throws IOException {
		Path file = this.directory.resolve("natural.json");
		Files.writeString(file, """
				[
				{"model": "token_blacklist.blacklistedtoken", "pk": 1, "fields": {"token": 7, "blacklisted_at": "2026-01-01T00:00:00Z"}},
				{"model": "auth.user", "pk": 42, "fields": {"username": "alice", "password": "!", "first_name": "Alice",
				  "last_name": "", "email": "", "is_active": true, "is_staff": false, "is_superuser": false,
				  "date_joined": "2024-01-01T00:00:00Z", "last_login": null}},
				{"model": "token_blacklist.outstandingtoken", "pk": 7, "fields": {"user": ["alice"], "jti": "abc",
				  "token": "x", "created_at": null, "expires_at": "2026-01-02T00:00:00Z"}},
				{"model": "token_blacklist.outstandingtoken", "pk": 8, "fields": {"user": 42, "jti": "live",
				  "token": "x", "created_at": null, "expires_at": "2026-01-02T00:00:00Z"}}
				]""");

		try (DjangoSource source = DumpdataDjangoSource.open(file, null)) {
			assertThat(JdbcDjangoSourceTests.users(source)).singleElement()
				.satisfies((user) -> assertThat(user.name()).isEqualTo("Alice"));
			assertThat(JdbcDjangoSourceTests.tokens(source)).containsExactly(new DjangoToken("abc", 42L, null,
					Instant.parse("2026-01-02T00:00:00Z"), Instant.parse("2026-01-01T00:00:00Z")));
		}
	}

	@Test
	void openWhenNotJsonThenSourceExceptionNamesTheFile() throws IOException {
		Path file = Files.writeString(this.directory.resolve("broken.json"), "[{\"model\": ");

		try (DjangoSource source = DumpdataDjangoSource.open(file, null)) {
			assertThatExceptionOfType(DjangoSourceException.class)
				.isThrownBy(() -> source.forEachUser((user) -> {
				}))
				.withMessageStartingWith("Cannot read " + file + " as dumpdata JSON");
		}
	}

}
