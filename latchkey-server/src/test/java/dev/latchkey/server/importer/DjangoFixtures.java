package dev.latchkey.server.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Django databases made with Django 3.2 + SimpleJWT 5.2.2 for these tests (copied from
 * {@code shared/reference/django-db}), and what must hold after importing them
 * ({@code expected.json}).
 */
final class DjangoFixtures {

	static final JsonNode EXPECTED = read("expected.json");

	static final String SIGNING_KEY = EXPECTED.path("tokens").path("signing_key").asString();

	static final String LIVE_JTI = EXPECTED.path("tokens").path("alice_live_refresh_jti").asString();

	static final List<String> BLACKLISTED_JTIS = List.of(
			EXPECTED.path("tokens").path("alice_blacklisted_refresh_jti").asString(),
			EXPECTED.path("tokens").path("bob_blacklisted_refresh_jti").asString());

	private DjangoFixtures() {
	}

	/** The three ways the same people reach the importer. */
	enum Fixture {

		/** The seed's custom {@code users} table and SimpleJWT's tables, in SQLite. */
		SEED_SQLITE(true),
		/** A stock {@code auth_user} table (first and last name, no {@code name}), no token tables. */
		AUTH_USER_SQLITE(false),
		/** {@code manage.py dumpdata accounts.user token_blacklist} of the seed database. */
		SEED_DUMPDATA(true);

		final boolean hasTokens;

		Fixture(boolean hasTokens) {
			this.hasTokens = hasTokens;
		}

		DjangoSource open() {
			return switch (this) {
				case SEED_SQLITE -> JdbcDjangoSource.open(sqliteUrl("seed-users.sqlite3"), null, null, null);
				case AUTH_USER_SQLITE -> JdbcDjangoSource.open(sqliteUrl("auth-user.sqlite3"), null, null, null);
				case SEED_DUMPDATA -> DumpdataDjangoSource.open(path("seed-users.dumpdata.json"), null);
			};
		}

		/** The name Latchkey must show: the seed's {@code name}, or first and last name joined. */
		String expectedName(JsonNode user) {
			return (this == AUTH_USER_SQLITE)
					? DjangoUser.fullName(user.path("first_name").asString(), user.path("last_name").asString())
					: user.path("name").asString();
		}

	}

	static List<JsonNode> users() {
		List<JsonNode> users = new ArrayList<>();
		EXPECTED.path("users").forEach(users::add);
		return users;
	}

	static String sqliteUrl(String file) {
		return "jdbc:sqlite:" + path(file);
	}

	static Path path(String file) {
		try {
			return Path.of(DjangoFixtures.class.getResource("/django-db/" + file).toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The raw refresh token Django issued with this jti (SimpleJWT keeps it in the outstanding table). */
	static String rawToken(String jti) {
		try (Connection connection = DriverManager.getConnection(sqliteUrl("seed-users.sqlite3"));
				PreparedStatement statement = connection
					.prepareStatement("SELECT token FROM token_blacklist_outstandingtoken WHERE jti = ?")) {
			statement.setString(1, jti);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** When Django issued the fixture's tokens: their {@code iat}. */
	static Instant tokensIssuedAt() {
		String payload = rawToken(LIVE_JTI).split("\\.")[1];
		JsonNode claims = JsonMapper.builder().build().readTree(java.util.Base64.getUrlDecoder().decode(payload));
		return Instant.ofEpochSecond(claims.path("iat").asLong());
	}

	private static JsonNode read(String file) {
		try (InputStream in = DjangoFixtures.class.getResourceAsStream("/django-db/" + file)) {
			return JsonMapper.builder().build().readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
