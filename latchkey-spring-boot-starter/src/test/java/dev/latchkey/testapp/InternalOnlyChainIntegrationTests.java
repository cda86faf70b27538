package dev.latchkey.testapp;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The issue's first broken case: the application declares one chain, for {@code /internal/**}
 * only and without Latchkey's configurer. Latchkey's endpoints keep their own chain and work;
 * start-up names the chain that does not authenticate Latchkey's tokens.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = { TestApplication.class, InternalOnlyChainIntegrationTests.InternalChain.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:internal-chain;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE",
				"latchkey.jwt.signing-key=internal-chain-signing-key-0123456789abcdef" })
class InternalOnlyChainIntegrationTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	private final HttpClient client = HttpClient.newHttpClient();

	@Test
	void latchkeyEndpointsWhenApplicationChainCoversOnlyInternalThenStillWork() throws Exception {
		HttpResponse<String> signUp = this.client.send(HttpRequest.newBuilder(uri("/api/auth/signup/"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(
					"{\"username\":\"ivy\",\"company\":\"Initech\",\"password\":\"Str0ng-Passw0rd!\"}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signUp.statusCode()).as(signUp.body()).isEqualTo(201);
		String access = JSON.readTree(signUp.body()).get("token").get("access").asString();

		HttpResponse<String> user = get("/api/auth/user/", access);
		assertThat(user.statusCode()).isEqualTo(200);
		assertThat(JSON.readTree(user.body()).get("username").asString()).isEqualTo("ivy");
		HttpResponse<String> anonymous = get("/api/auth/user/", null);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(JSON.readTree(anonymous.body()).get("detail").asString())
			.isEqualTo("Authentication credentials were not provided.");
	}

	@Test
	void startUpWhenApplicationChainLacksLatchkeyThenWarningNamesIt(CapturedOutput output) {
		assertThat(output.getAll()).contains("/internal/**", "does not authenticate Latchkey's access tokens",
				"LatchkeyConfigurer.latchkey()");
	}

	private HttpResponse<String> get(String path, String bearer) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (bearer != null) {
			request.header("Authorization", "Bearer " + bearer);
		}
		return this.client.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@Configuration(proxyBeanMethods = false)
	static class InternalChain {

		@Bean
		SecurityFilterChain internalChain(HttpSecurity http) {
			return http.securityMatcher("/internal/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().denyAll())
				.build();
		}

	}

}
