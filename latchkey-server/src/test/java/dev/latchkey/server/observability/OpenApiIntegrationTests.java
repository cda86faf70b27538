package dev.latchkey.server.observability;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /v3/api-docs} describes every endpoint of the HTTP contract (the endpoints table of {@code README.md}) with its
 * methods, bodies, DRF error answers and security, and Swagger UI serves it, both without a
 * token.
 */
class OpenApiIntegrationTests extends AbstractObservabilityIntegrationTests {

	/** The contract's endpoints (README.md, "Endpoints"): path, then its methods. */
	private static final Map<String, List<String>> CONTRACT = Map.ofEntries(
			Map.entry("/api/auth/signup/", List.of("post")), Map.entry("/api/token/", List.of("post")),
			Map.entry("/api/token/refresh/", List.of("post")), Map.entry("/api/token/verify/", List.of("post")),
			Map.entry("/api/token/blacklist/", List.of("post")), Map.entry("/api/token/sliding/", List.of("post")),
			Map.entry("/api/token/sliding/refresh/", List.of("post")),
			Map.entry("/api/auth/user/", List.of("get", "put", "patch")),
			Map.entry("/api/auth/logout/", List.of("post")), Map.entry("/api/auth/logout-all/", List.of("post")),
			Map.entry("/api/auth/sessions/", List.of("get")), Map.entry("/api/auth/sessions/{id}/", List.of("delete")),
			Map.entry("/api/auth/password/change/", List.of("post")), Map.entry("/api/auth/csrf/", List.of("get")),
			// Issue #19: second factors and passkeys, on in the server.
			Map.entry("/api/auth/mfa/", List.of("get")), Map.entry("/api/auth/mfa/totp/", List.of("post", "delete")),
			Map.entry("/api/auth/mfa/totp/confirm/", List.of("post")),
			Map.entry("/api/auth/mfa/recovery-codes/", List.of("post")), Map.entry("/api/auth/mfa/verify/", List.of("post")),
			Map.entry("/api/auth/passkeys/", List.of("get")), Map.entry("/api/auth/passkeys/{id}/", List.of("delete")),
			Map.entry("/api/auth/passkeys/registration/options/", List.of("post")),
			Map.entry("/api/auth/passkeys/registration/", List.of("post")),
			Map.entry("/api/auth/passkeys/login/options/", List.of("post")),
			Map.entry("/api/auth/passkeys/login/", List.of("post")));

	private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch");

	@Test
	void apiDocsWhenNoTokenThenEveryContractEndpointWithExactlyItsMethods() {
		JsonNode paths = apiDocs().get("paths");

		CONTRACT.forEach((path, methods) -> {
			assertThat(paths.has(path)).as(path).isTrue();
			List<String> documented = METHODS.stream().filter(paths.get(path)::has).toList();
			assertThat(documented).as(path).containsExactlyInAnyOrderElementsOf(methods);
			String withoutSlash = path.substring(0, path.length() - 1);
			assertThat(paths.has(withoutSlash)).as("no duplicate " + withoutSlash).isFalse();
		});
		// The superusers' administration is no part of the public contract.
		assertThat(paths.has("/api/admin/users/")).isFalse();
		assertThat(paths.has("/api/admin/users")).isFalse();
		assertThat(paths.has("/api/admin/users/{id}/deactivate/")).isFalse();
	}

	@Test
	void apiDocsWhenReadThenBodiesErrorsAndSecurityAreDescribed() {
		JsonNode docs = apiDocs();
		JsonNode login = docs.get("paths").get("/api/token/").get("post");
		assertThat(login.get("requestBody").get("content").has("application/json")).isTrue();
		assertThat(login.get("requestBody").get("content").has("application/x-www-form-urlencoded")).isTrue();
		assertThat(login.get("responses").get("200").get("content").get("application/json").get("schema").get("$ref")
			.asString()).isEqualTo("#/components/schemas/LatchkeyTokenPair");
		assertThat(login.get("responses").get("401").get("$ref").asString())
			.isEqualTo("#/components/responses/LatchkeyBadCredentials");
		assertThat(login.get("responses").has("429")).isTrue();
		assertThat(docs.get("components").get("responses").get("LatchkeyBadCredentials").toString())
			.contains("No active account found with the given credentials");
		assertThat(docs.get("components").get("responses").get("LatchkeyThrottled").get("headers").has("Retry-After"))
			.isTrue();

		JsonNode schemes = docs.get("components").get("securitySchemes");
		assertThat(schemes.get("LatchkeyBearer").get("scheme").asString()).isEqualTo("bearer");
		assertThat(schemes.get("LatchkeyAccessCookie").get("in").asString()).isEqualTo("cookie");
		assertThat(schemes.get("LatchkeyAccessCookie").get("name").asString()).isEqualTo("access");
		assertThat(schemes.get("LatchkeyCsrfHeader").get("name").asString()).isEqualTo("X-CSRFToken");
		JsonNode user = docs.get("paths").get("/api/auth/user/");
		assertThat(user.get("get").get("security").toString()).contains("LatchkeyBearer", "LatchkeyAccessCookie");
		assertThat(user.get("patch").get("security").toString()).contains("LatchkeyCsrfHeader");
		assertThat(user.get("get").get("responses").get("401").get("$ref").asString())
			.isEqualTo("#/components/responses/LatchkeyNotAuthenticated");
	}

	@Test
	void apiDocsWhenReadThenEveryReferenceResolves() {
		JsonNode docs = apiDocs();
		List<String> references = new ArrayList<>();
		collectReferences(docs, references);

		assertThat(references).isNotEmpty().allSatisfy((reference) -> {
			String[] parts = reference.substring(2).split("/");
			assertThat(docs.get(parts[0]).get(parts[1]).has(parts[2])).as(reference).isTrue();
		});
	}

	/** Issue #14, item 7: the runnable server serves no Swagger UI unless it is switched on. */
	@Test
	void swaggerUiWhenDefaultServerSettingsThenNotServed() {
		assertThat(client().get("/swagger-ui.html", null).statusCode()).isEqualTo(404);
		assertThat(client().get("/swagger-ui/index.html", null).statusCode()).isEqualTo(404);
	}

	private JsonNode apiDocs() {
		HttpResponse<String> response = client().get("/v3/api-docs", null);
		assertThat(response.statusCode()).isEqualTo(200);
		return ObservabilityClient.json(response);
	}

	private static void collectReferences(JsonNode node, List<String> references) {
		if (node.isObject()) {
			node.properties().forEach((entry) -> {
				if (entry.getKey().equals("$ref")) {
					references.add(entry.getValue().asString());
				}
				else {
					collectReferences(entry.getValue(), references);
				}
			});
		}
		else if (node.isArray()) {
			node.forEach((element) -> collectReferences(element, references));
		}
	}

}
