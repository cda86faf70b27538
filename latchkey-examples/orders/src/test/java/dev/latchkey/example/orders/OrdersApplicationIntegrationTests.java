package dev.latchkey.example.orders;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example application over a real HTTP port, on H2: its own errors keep their answers with
 * the starter in, its {@code @PreAuthorize} and chain rules see Latchkey's users and roles, and
 * every Latchkey endpoint keeps working beside the application's own filter chain.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.datasource.url=jdbc:h2:mem:orders-it;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH")
class OrdersApplicationIntegrationTests {

	private static final String DENIED = "You do not have permission to perform this action.";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	Http http;

	@BeforeEach
	void client() {
		this.http = new Http(this.port);
	}

	@Test
	void ownNotFoundWhenOrderMissingThenSpringBootErrorBodyNotLatchkeys() throws Exception {
		String access = accessOf("nina");

		Http.Answer answer = this.http.send("GET", "/api/orders/999/", access, null);

		assertThat(answer.status()).isEqualTo(404);
		assertThat(answer.text("error")).isEqualTo("Not Found");
		assertThat(answer.text("path")).isEqualTo("/api/orders/999/");
		assertThat(answer.json().has("detail")).isFalse();
	}

	@Test
	void malformedJsonWhenSentToApplicationEndpointThen400FromSpringNot500() throws Exception {
		String access = accessOf("mallory");

		Http.Answer answer = this.http.send("POST", "/api/orders/", access, "{\"item\": ");

		assertThat(answer.status()).isEqualTo(400);
		assertThat(answer.text("error")).isEqualTo("Bad Request");
	}

	@Test
	void applicationAdviceWhenIllegalArgumentThenItsOwnAnswer() throws Exception {
		String access = accessOf("ivan");

		Http.Answer answer = this.http.send("POST", "/api/orders/", access, "{\"item\": \"tea\", \"quantity\": 0}");

		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.text("problem")).isEqualTo("quantity must be positive");
	}

	@Test
	void responseStatusExceptionWhenThrownByApplicationThenItsStatus() throws Exception {
		String access = accessOf("rosa");
		long id = this.http.send("POST", "/api/orders/", access, "{\"item\": \"tea\", \"quantity\": 2}").json().get("id").asLong();
		assertThat(this.http.send("POST", "/api/orders/" + id + "/ship/", access, null).status()).isEqualTo(200);

		Http.Answer again = this.http.send("POST", "/api/orders/" + id + "/ship/", access, null);

		assertThat(again.status()).isEqualTo(409);
		assertThat(again.text("error")).isEqualTo("Conflict");
	}

	@Test
	void preAuthorizeStaffWhenPlainUserThen403DrfBodyAndWhenStaffThen204() throws Exception {
		String plain = accessOf("paul");
		long id = this.http.send("POST", "/api/orders/", plain, "{\"item\": \"tea\", \"quantity\": 1}").json().get("id").asLong();

		Http.Answer denied = this.http.send("DELETE", "/api/orders/" + id + "/", plain, null);
		assertThat(denied.status()).isEqualTo(403);
		assertThat(denied.text("detail")).isEqualTo(DENIED);

		String staff = staffAccessOf("stella");
		assertThat(this.http.send("DELETE", "/api/orders/" + id + "/", staff, null).status()).isEqualTo(204);
	}

	@Test
	void chainRuleWhenInternalPathThenStaffOnly() throws Exception {
		assertThat(this.http.send("GET", "/internal/stats/", null, null).status()).isEqualTo(401);
		Http.Answer plain = this.http.send("GET", "/internal/stats/", accessOf("olga"), null);
		assertThat(plain.status()).isEqualTo(403);
		assertThat(plain.text("detail")).isEqualTo(DENIED);
		assertThat(this.http.send("GET", "/internal/stats/", staffAccessOf("sam"), null).status()).isEqualTo(200);
	}

	@Test
	void principalWhenReturnedByControllerThenNoHash() throws Exception {
		Http.Answer me = this.http.send("GET", "/api/me/", accessOf("hugo"), null);

		assertThat(me.status()).isEqualTo(200);
		assertThat(me.text("username")).isEqualTo("hugo");
		assertThat(me.json().get("staff").asBoolean()).isFalse();
		assertThat(me.body()).doesNotContain("argon2", "password", "Hash", "hash");
	}

	@Test
	void latchkeyEndpointsWhenApplicationDeclaresItsOwnChainThenAllWork() throws Exception {
		Http.Answer signUp = this.http.signUp("wendy");
		assertThat(signUp.status()).isEqualTo(201);
		Http.Answer pair = this.http.login("wendy");
		assertThat(pair.status()).isEqualTo(200);
		String access = pair.text("access");
		String refresh = pair.text("refresh");

		Http.Answer user = this.http.send("GET", "/api/auth/user/", access, null);
		assertThat(user.status()).isEqualTo(200);
		assertThat(user.text("username")).isEqualTo("wendy");
		assertThat(this.http.send("GET", "/api/auth/user/", null, null).status()).isEqualTo(401);
		assertThat(this.http.send("GET", "/api/auth/sessions/", access, null).json().size()).isEqualTo(2);
		assertThat(this.http.send("POST", "/api/token/verify/", null, "{\"token\": \"" + access + "\"}").status())
			.isEqualTo(200);

		Http.Answer refreshed = this.http.send("POST", "/api/token/refresh/", null, "{\"refresh\": \"" + refresh + "\"}");
		assertThat(refreshed.status()).isEqualTo(200);
		String rotated = refreshed.text("refresh");
		assertThat(this.http.send("GET", "/api/orders/", refreshed.text("access"), null).status()).isEqualTo(200);

		assertThat(this.http.send("POST", "/api/auth/logout/", null, "{\"refresh\": \"" + rotated + "\"}").status())
			.isEqualTo(200);
		assertThat(this.http.send("POST", "/api/token/refresh/", null, "{\"refresh\": \"" + rotated + "\"}").status())
			.isEqualTo(401);
		// Latchkey's own errors on its own endpoints stay DRF-shaped.
		Http.Answer wrongMethod = this.http.send("PUT", "/api/token/", null, "{}");
		assertThat(wrongMethod.status()).isEqualTo(405);
		assertThat(wrongMethod.text("detail")).isEqualTo("Method \"PUT\" not allowed.");
	}

	private String accessOf(String username) throws Exception {
		Http.Answer signUp = this.http.signUp(username);
		assertThat(signUp.status()).as(signUp.body()).isEqualTo(201);
		return this.http.login(username).text("access");
	}

	private String staffAccessOf(String username) throws Exception {
		assertThat(this.http.signUp(username).status()).isEqualTo(201);
		this.jdbc.sql("UPDATE latchkey_user SET is_staff = TRUE WHERE username = ?").param(username).update();
		return this.http.login(username).text("access");
	}

}
