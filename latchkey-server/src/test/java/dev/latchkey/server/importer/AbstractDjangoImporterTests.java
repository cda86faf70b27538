package dev.latchkey.server.importer;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.latchkey.server.importer.DjangoFixtures.Fixture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The importer against a real Latchkey schema, once per database (H2 and PostgreSQL): every
 * fixture's users land with their ids, hashes and flags; blacklisted tokens stay revoked; a
 * second run changes nothing; a dry run writes nothing; conflicts do not stop the rest; a failed
 * batch leaves nothing half-imported; the id sequence moves past the imported ids.
 */
abstract class AbstractDjangoImporterTests {

	private static final AtomicInteger DATABASES = new AtomicInteger();

	/** Just after Django issued the fixture's tokens, so they have not expired. */
	static final Clock WHEN_ISSUED = Clock.fixed(DjangoFixtures.tokensIssuedAt().plusSeconds(60), ZoneOffset.UTC);

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	DataSource dataSource;

	JdbcClient jdbc;

	/** A fresh, migrated Latchkey database. */
	abstract DataSource newDatabase(String name);

	@BeforeEach
	void createDatabase() {
		this.dataSource = newDatabase("importer_" + DATABASES.incrementAndGet());
		this.jdbc = JdbcClient.create(this.dataSource);
	}

	ImportReport importFrom(Fixture fixture, ImportOptions options, Clock clock) {
		try (DjangoSource source = fixture.open()) {
			return new DjangoImporter(this.dataSource, clock, options,
					new PrintStream(this.log, true, StandardCharsets.UTF_8)).run(source);
		}
	}

	ImportReport importFrom(Fixture fixture) {
		return importFrom(fixture, ImportOptions.defaults(), WHEN_ISSUED);
	}

	String log() {
		return this.log.toString(StandardCharsets.UTF_8);
	}

	@ParameterizedTest
	@EnumSource(Fixture.class)
	void runWhenFixtureThenUsersKeepIdsHashesFlagsAndDates(Fixture fixture) {
		ImportReport report = importFrom(fixture);

		assertThat(report.usersImported()).isEqualTo(8);
		assertThat(report.conflicts()).isEmpty();
		assertThat(report.rejected()).isEmpty();
		Map<Long, String> djangoHashes = djangoHashes();
		for (JsonNode expected : DjangoFixtures.users()) {
			long id = expected.path("id").asLong();
			Map<String, Object> row = this.jdbc.sql("SELECT * FROM latchkey_user WHERE id = :id").param("id", id)
				.query().singleRow();
			assertThat(row.get("username")).isEqualTo(expected.path("username").asString());
			assertThat(row.get("name")).isEqualTo(fixture.expectedName(expected));
			assertThat(row.get("email")).isEqualTo(expected.path("email").asString());
			assertThat(row.get("password")).isEqualTo(djangoHashes.get(id));
			assertThat(row.get("is_active")).isEqualTo(expected.path("is_active").asBoolean());
			assertThat(row.get("is_staff")).isEqualTo(expected.path("is_staff").asBoolean());
			assertThat(row.get("is_superuser")).isEqualTo(expected.path("is_superuser").asBoolean());
			assertThat(instant(row.get("date_joined"))).isEqualTo(Instant.parse(expected.path("date_joined").asString()
				.replace("+00:00", "Z")));
			JsonNode lastLogin = expected.path("last_login");
			assertThat(instant(row.get("last_login")))
				.isEqualTo(lastLogin.isNull() ? null : Instant.parse(lastLogin.asString().replace("+00:00", "Z")));
		}
		assertThat(djangoHashes.get(6L)).startsWith("!");
	}

	@ParameterizedTest
	@EnumSource(value = Fixture.class, names = { "SEED_SQLITE", "SEED_DUMPDATA" })
	void runWhenTokensBlacklistedInDjangoThenStoredBlacklistedInRevokedSession(Fixture fixture) {
		ImportReport report = importFrom(fixture);

		assertThat(report.tokensImported()).isEqualTo(2);
		for (String jti : DjangoFixtures.BLACKLISTED_JTIS) {
			Map<String, Object> row = this.jdbc.sql("""
					SELECT o.user_id, f.revoked_at, b.id AS blacklist_id FROM latchkey_outstanding_token o
					JOIN latchkey_session f ON f.id = o.session_id
					LEFT JOIN latchkey_blacklisted_token b ON b.token_id = o.id WHERE o.jti = :jti""")
				.param("jti", jti)
				.query()
				.singleRow();
			assertThat(row.get("blacklist_id")).isNotNull();
			assertThat(row.get("revoked_at")).isNotNull();
		}
		// The live token is left for Latchkey to adopt on its first refresh.
		assertThat(count("latchkey_outstanding_token WHERE jti = '" + DjangoFixtures.LIVE_JTI + "'")).isZero();
	}

	@ParameterizedTest
	@EnumSource(Fixture.class)
	void runWhenRunAgainThenNothingChangesAndItSaysSo(Fixture fixture) {
		importFrom(fixture);
		Map<String, Long> before = counts();

		ImportReport again = importFrom(fixture);

		assertThat(again.usersImported()).isZero();
		assertThat(again.usersUnchanged()).isEqualTo(8);
		assertThat(again.tokensImported()).isZero();
		assertThat(again.tokensUnchanged()).isEqualTo(fixture.hasTokens ? 2 : 0);
		assertThat(again.changedNothing()).isTrue();
		assertThat(again.summary()).contains("Nothing to do: every user and blacklisted token was already imported.");
		assertThat(counts()).isEqualTo(before);
	}

	@Test
	void runWhenDryRunThenReportsWhatWouldChangeAndWritesNothing() {
		ImportReport report = importFrom(Fixture.SEED_SQLITE, ImportOptions.defaults().withDryRun(true), WHEN_ISSUED);

		assertThat(report.usersImported()).isEqualTo(8);
		assertThat(report.tokensImported()).isEqualTo(2);
		assertThat(report.summary()).contains("Dry run: nothing was written.", "User ids: next id would be moved from 1 to 9");
		assertThat(counts().values()).containsOnly(0L);
		assertThat(insertWithoutId("newcomer")).isEqualTo(1);
	}

	@Test
	void runWhenIdOrUsernameTakenThenConflictsReportedAndTheRestImported() {
		this.jdbc.sql("INSERT INTO latchkey_user (id, username, password) VALUES (1, 'someone', '!'), (100, 'bob', '!')")
			.update();

		ImportReport report = importFrom(Fixture.SEED_SQLITE);

		assertThat(report.usersImported()).isEqualTo(6);
		assertThat(report.conflicts()).containsExactly("user 1 'alice': Latchkey's user 1 is 'someone'",
				"user 2 'bob': the username belongs to Latchkey's user 100");
		assertThat(log()).contains("conflict: user 1 'alice'", "conflict: user 2 'bob'");
		// Bob's blacklisted token names a user id Latchkey does not have: nothing to keep refusing.
		assertThat(report.tokensImported()).isEqualTo(1);
		assertThat(report.summary()).anySatisfy((line) -> assertThat(line).contains("1 skipped without a Latchkey user"))
			.anySatisfy((line) -> assertThat(line).contains("2 users were not imported"));
	}

	@Test
	void runWhenBatchFailsThenItRollsBackWholeAndEarlierBatchesStay() {
		this.jdbc.sql("ALTER TABLE latchkey_user ADD CONSTRAINT no_dave CHECK (username <> 'dave')").update();
		ImportOptions batchesOfThree = new ImportOptions(3, 1000, false);

		assertThatExceptionOfType(ImportFailedException.class)
			.isThrownBy(() -> importFrom(Fixture.SEED_SQLITE, batchesOfThree, WHEN_ISSUED))
			.satisfies((ex) -> assertThat(ex.report().usersImported()).isEqualTo(3));
		// Users 4 to 6 were one batch: dave failed, so erin and frank are not there either.
		assertThat(this.jdbc.sql("SELECT id FROM latchkey_user ORDER BY id").query(Long.class).list())
			.containsExactly(1L, 2L, 3L);
		assertThat(insertWithoutId("during-the-failure")).isEqualTo(4);

		this.jdbc.sql("DELETE FROM latchkey_user WHERE id = 4").update();
		this.jdbc.sql("ALTER TABLE latchkey_user DROP CONSTRAINT no_dave").update();
		ImportReport resumed = importFrom(Fixture.SEED_SQLITE, batchesOfThree, WHEN_ISSUED);
		assertThat(resumed.usersImported()).isEqualTo(5);
		assertThat(resumed.usersUnchanged()).isEqualTo(3);
	}

	@Test
	void runWhenImportedThenNextSignUpGetsTheIdAfterTheImportedOnes() {
		ImportReport report = importFrom(Fixture.AUTH_USER_SQLITE);

		assertThat(report.summary()).contains("User ids: next id moved from 1 to 9");
		assertThat(insertWithoutId("newcomer")).isEqualTo(9);
		assertThat(importFrom(Fixture.AUTH_USER_SQLITE).summary()).contains("User ids: next id already 10");
	}

	@Test
	void runWhenTokensExpiredThenSkipped() {
		Clock later = Clock.offset(WHEN_ISSUED, Duration.ofDays(2));

		ImportReport report = importFrom(Fixture.SEED_SQLITE, ImportOptions.defaults(), later);

		assertThat(report.tokensImported()).isZero();
		assertThat(report.summary()).anySatisfy((line) -> assertThat(line).contains("2 skipped as expired"));
		assertThat(count("latchkey_outstanding_token")).isZero();
	}

	@Test
	void runWhenLatchkeyAdoptedTheTokenBeforeDjangoBlacklistedItThenItIsBlacklisted() {
		importFrom(Fixture.AUTH_USER_SQLITE);
		String adopted = DjangoFixtures.BLACKLISTED_JTIS.get(0);
		Instant now = WHEN_ISSUED.instant();
		this.jdbc.sql("""
				INSERT INTO latchkey_session (id, user_id, created_at, last_used_at, expires_at)
				VALUES ('adopted', 1, :now, :now, :later)""").param("now", utc(now)).param("later", utc(now.plusSeconds(3600)))
			.update();
		this.jdbc.sql("""
				INSERT INTO latchkey_outstanding_token (jti, user_id, session_id, created_at, expires_at)
				VALUES (:jti, 1, 'adopted', :now, :later)""").param("jti", adopted).param("now", utc(now))
			.param("later", utc(now.plusSeconds(3600)))
			.update();

		ImportReport report = importFrom(Fixture.SEED_SQLITE);

		assertThat(report.tokensImported()).isEqualTo(2);
		assertThat(count("latchkey_blacklisted_token b JOIN latchkey_outstanding_token o ON o.id = b.token_id "
				+ "WHERE o.jti = '" + adopted + "'")).isEqualTo(1);
	}

	@Test
	void runWhenManyRowsThenProgressLineEveryNUsers() {
		importFrom(Fixture.SEED_SQLITE, new ImportOptions(2, 3, false), WHEN_ISSUED);

		assertThat(log()).contains("Importing from table users of jdbc:sqlite:", "4 users read: 4 imported",
				"6 users read: 6 imported")
			.doesNotContain("8 users read");
	}

	long count(String from) {
		return this.jdbc.sql("SELECT COUNT(*) FROM " + from).query(Long.class).single();
	}

	private Map<String, Long> counts() {
		Map<String, Long> counts = new HashMap<>();
		for (String table : List.of("latchkey_user", "latchkey_outstanding_token", "latchkey_blacklisted_token",
				"latchkey_session")) {
			counts.put(table, count(table));
		}
		return counts;
	}

	/** A sign-up's insert: the id comes from the identity sequence. */
	long insertWithoutId(String username) {
		this.jdbc.sql("INSERT INTO latchkey_user (username, password) VALUES (:username, '!')")
			.param("username", username)
			.update();
		return this.jdbc.sql("SELECT id FROM latchkey_user WHERE username = :username").param("username", username)
			.query(Long.class).single();
	}

	private static Map<Long, String> djangoHashes() {
		Map<Long, String> hashes = new HashMap<>();
		try (Connection connection = DriverManager.getConnection(DjangoFixtures.sqliteUrl("seed-users.sqlite3"));
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("SELECT id, password FROM users")) {
			while (rs.next()) {
				hashes.put(rs.getLong(1), rs.getString(2));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return hashes;
	}

	private static Instant instant(Object value) {
		if (value == null) {
			return null;
		}
		return (value instanceof OffsetDateTime dateTime) ? dateTime.toInstant() : ((java.sql.Timestamp) value).toInstant();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}
