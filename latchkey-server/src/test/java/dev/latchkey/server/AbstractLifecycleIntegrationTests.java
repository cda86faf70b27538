package dev.latchkey.server;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.security.oauth2.jwt.BadJwtException;

import dev.latchkey.token.ExpiredTokenCleaner;
import dev.latchkey.token.key.LatchkeyJwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The token lifecycle over real HTTP, run once per database: rotation, the grace period, reuse
 * detection, the session maximum, logout, logout everywhere, sessions, password change,
 * deactivation and housekeeping. Time moves with {@link MutableClock}, never by sleeping.
 */
@Import(MutableClock.Config.class)
abstract class AbstractLifecycleIntegrationTests extends AbstractJourneyIntegrationTests {

	@Autowired
	MutableClock clock;

	@Autowired
	ExpiredTokenCleaner cleaner;

	@Autowired
	LatchkeyJwtDecoder jwtDecoder;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	record Pair(String access, String refresh) {

		static Pair of(HttpApi.Response response) {
			JsonNode body = response.json();
			return new Pair(body.get("access").asString(), body.get("refresh").asString());
		}

	}

	Pair signUpAndLogin(String username) {
		assertThat(api().signUp(username, PASSWORD).status()).isEqualTo(201);
		return login(username, PASSWORD, "agent-1");
	}

	Pair login(String username, String password, String userAgent) {
		HttpApi.Response response = api().send("POST", "/api/token/",
				Map.of("Content-Type", "application/json", "User-Agent", userAgent),
				("{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}").getBytes(StandardCharsets.UTF_8));
		assertThat(response.status()).isEqualTo(200);
		return Pair.of(response);
	}

	HttpApi.Response refresh(String refresh) {
		return api().postJson("/api/token/refresh/", Map.of("refresh", refresh));
	}

	HttpApi.Response post(String path, String access, String json) {
		return api().send("POST", path, Map.of("Authorization", "Bearer " + access, "Content-Type", "application/json"),
				json.getBytes(StandardCharsets.UTF_8));
	}

	static void assertBlacklisted(HttpApi.Response response) {
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).isEqualTo("Token is blacklisted");
		assertThat(response.json().get("code").asString()).isEqualTo("token_not_valid");
	}

	void assertAccessRefused(String access) {
		HttpApi.Response response = within(Duration.ofSeconds(1), () -> api().get("/api/auth/user/", access),
				(r) -> r.status() == 401);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).isEqualTo("Given token not valid for any token type");
	}

	@Test
	void refreshWhenRotatedOutTokenReplayedAfterGraceThenWholeSessionRevoked() {
		Pair first = signUpAndLogin(uniqueUsername());
		Pair second = Pair.of(refresh(first.refresh()));
		assertThat(api().get("/api/auth/user/", second.access()).status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(11));
		assertBlacklisted(refresh(first.refresh()));

		assertBlacklisted(refresh(second.refresh()));
		assertAccessRefused(second.access());
		assertAccessRefused(first.access());
	}

	@Test
	void refreshWhenSameTokenTwiceWithinGraceThenSameSuccessorAndNoFork() {
		Pair first = signUpAndLogin(uniqueUsername());
		Pair tabOne = Pair.of(refresh(first.refresh()));
		this.clock.advance(Duration.ofSeconds(5));
		Pair tabTwo = Pair.of(refresh(first.refresh()));

		assertThat(tabTwo.refresh()).isEqualTo(tabOne.refresh());
		assertThat(refresh(tabOne.refresh()).status()).isEqualTo(200);
		assertThat(api().get("/api/auth/user/", tabTwo.access()).status()).isEqualTo(200);
	}

	@Test
	void refreshWhenTwentyConcurrentWithinGraceThenAllGetTheSameSuccessor() throws Exception {
		Pair pair = signUpAndLogin(uniqueUsername());
		List<HttpApi.Response> responses = RefreshRaceIntegrationTests.Race.race(20, () -> refresh(pair.refresh()));

		assertThat(responses).allSatisfy((r) -> assertThat(r.status()).isEqualTo(200));
		assertThat(responses.stream().map((r) -> r.json().get("refresh").asString()).distinct()).hasSize(1);
	}

	@Test
	void refreshWhenSessionOlderThanMaximumThenRefusedHoweverOftenRotated() {
		Pair pair = signUpAndLogin(uniqueUsername());
		int days = 0;
		HttpApi.Response response = refresh(pair.refresh());
		while (response.status() == 200 && days < 40) {
			pair = Pair.of(response);
			this.clock.advance(Duration.ofHours(20));
			days++;
			response = refresh(pair.refresh());
		}
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).isEqualTo("Token is invalid or expired");
		assertThat(days * 20).isBetween(30 * 24, 31 * 24);
	}

	@Test
	void logoutThenRefreshAndAccessOfThatSessionRefusedAndCookiesCleared() {
		Pair pair = signUpAndLogin(uniqueUsername());
		HttpApi.Response logout = api().postJson("/api/auth/logout/", Map.of("refresh", pair.refresh()));

		assertThat(logout.status()).isEqualTo(200);
		assertThat(logout.json().get("detail").asString()).isEqualTo("Successfully logged out.");
		assertThat(logout.headers("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("access=;").contains("Max-Age=0", "HttpOnly", "Secure", "SameSite=Lax", "Path=/"));
		assertThat(logout.headers("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("refresh=;").contains("Max-Age=0", "Path=/api/"));
		assertBlacklisted(refresh(pair.refresh()));
		assertAccessRefused(pair.access());
	}

	/** Issue #14, item 8: a rotated-out refresh token still ends its live session on logout. */
	@Test
	void logoutWhenRotatedOutRefreshTokenWithinGraceThenSessionEnds() {
		Pair first = signUpAndLogin(uniqueUsername());
		Pair second = Pair.of(refresh(first.refresh()));

		HttpApi.Response logout = api().postJson("/api/auth/logout/", Map.of("refresh", first.refresh()));

		assertThat(logout.status()).isEqualTo(200);
		assertBlacklisted(refresh(second.refresh()));
		assertAccessRefused(second.access());
	}

	/** Issue #14, item 8: after the grace period, logout with a rotated-out token is reuse: the session ends. */
	@Test
	void logoutWhenRotatedOutRefreshTokenAfterGraceThenTreatedAsReuseAndSessionEnds() {
		Pair first = signUpAndLogin(uniqueUsername());
		Pair second = Pair.of(refresh(first.refresh()));
		this.clock.advance(Duration.ofSeconds(11));

		assertBlacklisted(api().postJson("/api/token/blacklist/", Map.of("refresh", first.refresh())));

		assertBlacklisted(refresh(second.refresh()));
		assertAccessRefused(second.access());
	}

	/** Issue #14, item 11: LatchkeyJwtDecoder refuses what the filter refuses, revoked sessions included. */
	@Test
	void jwtDecoderWhenSessionLoggedOutThenRefusedAsByTheFilter() {
		Pair pair = signUpAndLogin(uniqueUsername());
		assertThat(this.jwtDecoder.decode(pair.access()).getSubject()).isNotBlank();

		assertThat(api().postJson("/api/auth/logout/", Map.of("refresh", pair.refresh())).status()).isEqualTo(200);
		assertAccessRefused(pair.access());

		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.jwtDecoder.decode(pair.access()))
			.withMessage("Token is blacklisted");
		assertThatExceptionOfType(BadJwtException.class).isThrownBy(() -> this.jwtDecoder.decode(pair.refresh()));
	}

	@Test
	void logoutAllThenEverySessionOfTheUserRefusedButOtherUsersUntouched() {
		String username = uniqueUsername();
		Pair one = signUpAndLogin(username);
		Pair two = login(username, PASSWORD, "agent-2");
		Pair stranger = signUpAndLogin(uniqueUsername());

		assertThat(post("/api/auth/logout-all/", one.access(), "{}").status()).isEqualTo(200);

		assertBlacklisted(refresh(two.refresh()));
		assertAccessRefused(two.access());
		assertAccessRefused(one.access());
		assertThat(api().get("/api/auth/user/", stranger.access()).status()).isEqualTo(200);
		assertThat(refresh(stranger.refresh()).status()).isEqualTo(200);
	}

	@Test
	void accessWhenAlreadyVerifiedAndCachedThenRevocationAndExpiryStillRefuseIt() {
		// The second GET is answered from the verified-token cache (on by default); the revocation
		// and expiry checks must still run on every request.
		String username = uniqueUsername();
		Pair laptop = signUpAndLogin(username);
		Pair phone = login(username, PASSWORD, "phone-agent");
		assertThat(api().get("/api/auth/user/", phone.access()).status()).isEqualTo(200);
		assertThat(api().get("/api/auth/user/", phone.access()).status()).isEqualTo(200);
		String phoneId = null;
		for (JsonNode session : api().get("/api/auth/sessions/", phone.access()).json()) {
			phoneId = session.get("current").asBoolean() ? session.get("id").asString() : phoneId;
		}
		assertThat(api().send("DELETE", "/api/auth/sessions/" + phoneId + "/", Map.of("Authorization", "Bearer " + laptop.access()), null).status())
			.isEqualTo(204);
		assertAccessRefused(phone.access());

		assertThat(api().get("/api/auth/user/", laptop.access()).status()).isEqualTo(200);
		this.clock.advance(Duration.ofMinutes(5).plusSeconds(1));
		HttpApi.Response expired = api().get("/api/auth/user/", laptop.access());
		assertThat(expired.status()).isEqualTo(401);
		assertThat(expired.json().get("code").asString()).isEqualTo("token_not_valid");
	}

	@Test
	void sessionsWhenListedThenShapeAndCurrentAndRevokingOneEndsOnlyIt() {
		String username = uniqueUsername();
		Pair laptop = signUpAndLogin(username);
		Pair phone = login(username, PASSWORD, "phone-agent");

		JsonNode sessions = api().get("/api/auth/sessions/", laptop.access()).json();
		assertThat(sessions.size()).isEqualTo(3);
		JsonNode current = null;
		JsonNode phoneSession = null;
		for (JsonNode session : sessions) {
			assertThat(session.propertyNames()).containsExactly("id", "created", "last_used", "expires", "user_agent", "ip", "current");
			current = session.get("current").asBoolean() ? session : current;
			phoneSession = session.get("user_agent").asString().equals("phone-agent") ? session : phoneSession;
		}
		assertThat(current.get("user_agent").asString()).isEqualTo("agent-1");
		assertThat(phoneSession.get("current").asBoolean()).isFalse();
		assertThat(phoneSession.get("ip").asString()).isEqualTo("127.0.0.1");

		String stranger = signUpAndLogin(uniqueUsername()).access();
		String phoneId = phoneSession.get("id").asString();
		assertThat(api().send("DELETE", "/api/auth/sessions/" + phoneId + "/", Map.of("Authorization", "Bearer " + stranger), null).status())
			.isEqualTo(404);
		assertThat(api().send("DELETE", "/api/auth/sessions/" + phoneId + "/", Map.of("Authorization", "Bearer " + laptop.access()), null).status())
			.isEqualTo(204);

		assertBlacklisted(refresh(phone.refresh()));
		assertAccessRefused(phone.access());
		assertThat(api().get("/api/auth/user/", laptop.access()).status()).isEqualTo(200);
		assertThat(api().get("/api/auth/sessions/", laptop.access()).json().size()).isEqualTo(2);
	}

	@Test
	void passwordChangeWhenValidThenOtherSessionsEndAndCurrentStays() {
		String username = uniqueUsername();
		Pair current = signUpAndLogin(username);
		Pair other = login(username, PASSWORD, "agent-2");

		HttpApi.Response wrongOld = post("/api/auth/password/change/", current.access(),
				"{\"old_password\":\"nope-nope-1\",\"new_password1\":\"N3w-Passw0rd!x\",\"new_password2\":\"N3w-Passw0rd!x\"}");
		assertThat(wrongOld.status()).isEqualTo(400);
		assertThat(wrongOld.json().get("old_password").get(0).asString())
			.isEqualTo("Your old password was entered incorrectly. Please enter it again.");
		HttpApi.Response mismatch = post("/api/auth/password/change/", current.access(),
				"{\"old_password\":\"" + PASSWORD + "\",\"new_password1\":\"N3w-Passw0rd!x\",\"new_password2\":\"N3w-Passw0rd!y\"}");
		assertThat(mismatch.json().get("new_password2").get(0).asString()).isEqualTo("The two password fields didn\u2019t match.");
		HttpApi.Response weak = post("/api/auth/password/change/", current.access(),
				"{\"old_password\":\"" + PASSWORD + "\",\"new_password1\":\"12345678\",\"new_password2\":\"12345678\"}");
		assertThat(weak.json().get("new_password2").toString()).contains("This password is too common.", "This password is entirely numeric.");

		HttpApi.Response changed = post("/api/auth/password/change/", current.access(),
				"{\"old_password\":\"" + PASSWORD + "\",\"new_password1\":\"N3w-Passw0rd!x\",\"new_password2\":\"N3w-Passw0rd!x\"}");
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.json().get("detail").asString()).isEqualTo("New password has been saved.");

		assertBlacklisted(refresh(other.refresh()));
		assertAccessRefused(other.access());
		assertThat(api().get("/api/auth/user/", current.access()).status()).isEqualTo(200);
		assertThat(refresh(current.refresh()).status()).isEqualTo(200);
		assertThat(api().login(username, PASSWORD).status()).isEqualTo(401);
		assertThat(api().login(username, "N3w-Passw0rd!x").status()).isEqualTo(200);
	}

	@Test
	void refreshWhenUserDeactivatedThenNoActiveAccount() {
		String username = uniqueUsername();
		Pair pair = signUpAndLogin(username);
		jdbc().sql("UPDATE latchkey_user SET is_active = FALSE WHERE username = ?").param(username).update();

		HttpApi.Response refused = within(Duration.ofSeconds(1), () -> refresh(pair.refresh()), (r) -> r.status() == 401);
		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.json().get("code").asString()).isEqualTo("no_active_account");
		HttpApi.Response access = api().get("/api/auth/user/", pair.access());
		assertThat(access.status()).isEqualTo(401);
		assertThat(access.json().get("detail").asString()).isEqualTo("User is inactive");
	}

	@Test
	void verifyWhenRevokedThenBadRequestAndWhenValidThenEmpty() {
		Pair pair = signUpAndLogin(uniqueUsername());
		assertThat(api().postJson("/api/token/verify/", Map.of("token", pair.access())).text()).isEqualTo("{}");
		assertThat(api().postJson("/api/token/verify/", Map.of("token", pair.refresh())).text()).isEqualTo("{}");
		assertThat(api().postJson("/api/token/blacklist/", Map.of("refresh", pair.refresh())).status()).isEqualTo(200);

		for (String token : new String[] { pair.refresh(), pair.access() }) {
			HttpApi.Response verify = api().postJson("/api/token/verify/", Map.of("token", token));
			assertThat(verify.status()).isEqualTo(400);
			assertThat(verify.json().get("non_field_errors").get(0).asString()).isEqualTo("Token is blacklisted");
		}
	}

	@Test
	void refreshWhenTokenOnlyInCookieThenAcceptedAndCookiesRotated() {
		Pair pair = signUpAndLogin(uniqueUsername());
		HttpApi.Response response = api().send("POST", "/api/token/refresh/",
				Map.of("Cookie", "refresh=" + pair.refresh() + "; csrftoken=abc", "X-CSRFToken", "abc"), null);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.headers("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("access=" + response.json().get("access").asString()));
		assertThat(response.headers("Set-Cookie")).anySatisfy((c) -> assertThat(c).startsWith("refresh=" + response.json().get("refresh").asString()));
	}

	@Test
	void slidingTokenWhenNotAcceptedByDefaultThenWrongTypeAtTheApi() {
		String username = uniqueUsername();
		api().signUp(username, PASSWORD);
		String sliding = api().postJson("/api/token/sliding/", Map.of("username", username, "password", PASSWORD))
			.json()
			.get("token")
			.asString();
		HttpApi.Response response = api().get("/api/auth/user/", sliding);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("messages").get(0).get("message").asString()).isEqualTo("Token has wrong type");
	}

	@Test
	void flushExpiredWhenTokensExpiredThenRowsDeleted() {
		String username = uniqueUsername();
		Pair pair = signUpAndLogin(username);
		refresh(pair.refresh());
		long userId = api().get("/api/auth/user/", pair.access()).json().get("id").asLong();
		assertThat(countTokens(userId)).isEqualTo(3);

		this.clock.advance(Duration.ofDays(31));
		this.cleaner.flushExpired();

		assertThat(countTokens(userId)).isZero();
		assertThat(jdbc().sql("SELECT COUNT(*) FROM latchkey_session WHERE user_id = ?").param(userId).query(Long.class).single())
			.isZero();
	}

	private long countTokens(long userId) {
		return jdbc().sql("SELECT COUNT(*) FROM latchkey_outstanding_token WHERE user_id = ?").param(userId).query(Long.class).single();
	}

}
