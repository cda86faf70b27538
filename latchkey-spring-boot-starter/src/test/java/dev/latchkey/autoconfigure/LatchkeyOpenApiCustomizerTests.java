package dev.latchkey.autoconfigure;

import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LatchkeyOpenApiCustomizer} on a document as springdoc hands it over: Latchkey's paths
 * replaced by their full descriptions under the configured prefix, the application's own kept.
 */
class LatchkeyOpenApiCustomizerTests {

	private static LatchkeyProperties properties(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("latchkey",
				LatchkeyProperties.class);
	}

	@Test
	void customiseWhenPrefixAndCookieNamesConfiguredThenPathsAndSchemesFollowThem() {
		OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/auth-api/token", inferred())
			.addPathItem("/auth-api/token/", inferred())
			.addPathItem("/error", inferred())
			.addPathItem("/app/things", inferred()));

		new LatchkeyOpenApiCustomizer(properties(Map.of("latchkey.web.api-prefix", "/auth-api",
				"latchkey.cookies.access-name", "jwt", "latchkey.web.csrf-header", "X-XSRF")))
			.customise(openApi);

		assertThat(openApi.getPaths()).containsKeys("/auth-api/token/", "/auth-api/auth/signup/",
				"/auth-api/auth/sessions/{id}/", "/.well-known/jwks.json", "/app/things");
		assertThat(openApi.getPaths()).doesNotContainKeys("/auth-api/token", "/api/token/", "/error");
		assertThat(openApi.getPaths().get("/auth-api/token/").getPost().getOperationId()).isEqualTo("obtainTokenPair");
		assertThat(openApi.getPaths().get("/app/things").getGet().getOperationId()).isEqualTo("inferred");
		assertThat(openApi.getComponents().getSecuritySchemes().get("LatchkeyAccessCookie").getName()).isEqualTo("jwt");
		assertThat(openApi.getComponents().getSecuritySchemes().get("LatchkeyCsrfHeader").getName()).isEqualTo("X-XSRF");
	}

	@Test
	void customiseWhenDefaultsThenEveryOperationAnswersAndFailsAndReadsJsonOrForms() {
		OpenAPI openApi = new OpenAPI();

		new LatchkeyOpenApiCustomizer(properties(Map.of())).customise(openApi);

		assertThat(openApi.getPaths()).hasSize(15);
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach((operation) -> {
			assertThat(operation.getResponses().keySet()).as(path).anyMatch((status) -> status.startsWith("2"));
			if (!path.equals("/.well-known/jwks.json") && !path.equals("/api/auth/csrf/")) {
				assertThat(operation.getResponses().keySet()).as(path).anyMatch((status) -> status.startsWith("4"));
			}
			if (operation.getRequestBody() != null) {
				assertThat(operation.getRequestBody().getContent()).as(path)
					.containsKeys("application/json", "application/x-www-form-urlencoded");
			}
			operation.getResponses().values().stream().filter((response) -> response.get$ref() != null)
				.forEach((response) -> assertThat(openApi.getComponents().getResponses())
					.containsKey(response.get$ref().substring("#/components/responses/".length())));
		}));
		assertThat(openApi.getPaths().get("/api/token/").getPost().getResponses().get("401").get$ref())
			.endsWith("LatchkeyBadCredentials");
		assertThat(openApi.getPaths().get("/api/auth/user/").getGet().getResponses().get("401").get$ref())
			.endsWith("LatchkeyNotAuthenticated");
	}

	private static PathItem inferred() {
		return new PathItem().get(new Operation().operationId("inferred"));
	}

}
