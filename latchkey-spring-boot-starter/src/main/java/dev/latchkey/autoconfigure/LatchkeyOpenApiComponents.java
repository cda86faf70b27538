package dev.latchkey.autoconfigure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityScheme;

import dev.latchkey.web.AccessFirstBody;
import dev.latchkey.web.DetailBody;
import dev.latchkey.web.EmptyBody;
import dev.latchkey.web.LoginBody;
import dev.latchkey.web.SessionBody;
import dev.latchkey.web.SignUpBody;
import dev.latchkey.web.SlidingTokenBody;
import dev.latchkey.web.TokenPairBody;
import dev.latchkey.web.UserBody;
import dev.latchkey.web.error.ErrorBody;
import dev.latchkey.web.error.TokenErrorBody;

/**
 * The reusable parts of Latchkey's OpenAPI description: the request shapes (responses come from the body records), the
 * DRF error bodies with their exact messages, and the three ways a request authenticates (bearer
 * header, access cookie, refresh cookie, the last two with the CSRF header). Every name starts
 * with {@code Latchkey} so none collides with the application's own.
 */
final class LatchkeyOpenApiComponents {

	static final String BEARER = "LatchkeyBearer";

	static final String ACCESS_COOKIE = "LatchkeyAccessCookie";

	static final String REFRESH_COOKIE = "LatchkeyRefreshCookie";

	static final String CSRF = "LatchkeyCsrfHeader";

	private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9...";

	private LatchkeyOpenApiComponents() {
	}

	static void addTo(Components components, LatchkeyProperties properties) {
		components.addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
			.scheme("bearer")
			.bearerFormat("JWT")
			.description("An access token: `Authorization: " + properties.jwt().authHeaderType() + " <access>`"));
		components.addSecuritySchemes(ACCESS_COOKIE, cookie(properties.cookies().accessName(),
				"The HttpOnly access-token cookie set by sign-up, login and refresh"));
		components.addSecuritySchemes(REFRESH_COOKIE, cookie(properties.cookies().refreshName(),
				"The HttpOnly refresh-token cookie, sent only under the API prefix"));
		components.addSecuritySchemes(CSRF, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.HEADER)
			.name(properties.web().csrfHeader())
			.description("Django's double submit: the value of the `" + properties.cookies().csrfName()
					+ "` cookie, required with either cookie on POST, PUT, PATCH and DELETE"));
		schemas().forEach(components::addSchemas);
		for (Failure failure : Failure.values()) {
			components.addResponses(failure.component, failure.definition());
		}
	}

	/** The bodies Latchkey answers with, generated from their records (names, order, examples). */
	private static final List<Class<?>> BODIES = List.of(UserBody.class, TokenPairBody.class, AccessFirstBody.class,
			SignUpBody.class, LoginBody.class, SlidingTokenBody.class, EmptyBody.class, SessionBody.class,
			DetailBody.class, ErrorBody.class, TokenErrorBody.class);

	@SuppressWarnings("rawtypes")
	private static Map<String, Schema> schemas() {
		Map<String, Schema> schemas = new LinkedHashMap<>();
		for (Class<?> body : BODIES) {
			schemas.putAll(ModelConverters.getInstance().readAll(new AnnotatedType(body)));
		}
		// Requests are read field by field (SubmittedForm), not bound to a type: described by hand.
		schemas.put("LatchkeySignUpRequest", object(List.of("username", "password"), "username",
				string("alice").maxLength(150).description("Letters, digits and @.+-_"), "password",
				string("Str0ng-Passw0rd!").maxLength(4096).format("password"), "name",
				string("Alice").maxLength(256), "email", string("alice@example.com").format("email")));
		schemas.put("LatchkeyLoginRequest", object(List.of("username", "password"), "username", string("alice"),
				"password", string("Str0ng-Passw0rd!").maxLength(4096).format("password")));
		schemas.put("LatchkeyRefreshRequest", object(List.of(), "refresh",
				string(JWT).description("The refresh token; when absent, the refresh cookie is read")));
		schemas.put("LatchkeyTokenRequest", object(List.of("token"), "token", string(JWT)));
		schemas.put("LatchkeyUserUpdate", object(List.of(), "name", string("Alice Liddell").maxLength(256),
				"email", string("alice@example.org").format("email")));
		schemas.put("LatchkeyPasswordChangeRequest", object(List.of("old_password", "new_password1", "new_password2"),
				"old_password", string("Str0ng-Passw0rd!").format("password").maxLength(128), "new_password1",
				string("Str0nger-Passw0rd!").format("password").maxLength(128), "new_password2",
				string("Str0nger-Passw0rd!").format("password").maxLength(128)));
		schemas.put("LatchkeyJwkSet", object(List.of("keys"), "keys", new ArraySchema()
			.items(new ObjectSchema().description("A public JWK: kty, kid, alg, use and the key's parameters"))));
		schemas.put("LatchkeyFieldErrors", new ObjectSchema()
			.description("DRF's validation errors: each field, or non_field_errors, with its messages")
			.additionalProperties(new ArraySchema().items(new StringSchema())));
		return schemas;
	}

	/** The error answers Latchkey gives, each a reusable response with its DRF body and message. */
	enum Failure {

		BAD_REQUEST("400", "LatchkeyBadRequest"), BAD_CREDENTIALS("401", "LatchkeyBadCredentials"),
		INVALID_TOKEN("401", "LatchkeyInvalidToken"), NOT_AUTHENTICATED("401", "LatchkeyNotAuthenticated"),
		CSRF_FAILED("403", "LatchkeyCsrfFailed"), NOT_FOUND("404", "LatchkeyNotFound"),
		TOO_LARGE("413", "LatchkeyTooLarge"), UNSUPPORTED_MEDIA_TYPE("415", "LatchkeyUnsupportedMediaType"),
		THROTTLED("429", "LatchkeyThrottled"), HASHING_BUSY("503", "LatchkeyHashingBusy");

		final String status;

		final String component;

		Failure(String status, String component) {
			this.status = status;
			this.component = component;
		}

		ApiResponse reference() {
			return new ApiResponse().$ref("#/components/responses/" + this.component);
		}

		ApiResponse definition() {
			return switch (this) {
				case BAD_REQUEST -> error("Invalid fields, or a body that is not valid JSON",
						new Schema<>().oneOf(List.of(ref("LatchkeyFieldErrors"), ref("LatchkeyError"))), "required",
						Map.of("username", List.of("This field is required.")), "duplicate",
						Map.of("username", List.of("A user with that username already exists.")), "blacklisted",
						Map.of("non_field_errors", List.of("Token is blacklisted")), "malformed",
						Map.of("detail", "JSON parse error - Unexpected end-of-input"));
				case BAD_CREDENTIALS -> detail("Unknown user, wrong password or inactive user",
						"No active account found with the given credentials");
				case INVALID_TOKEN -> challenge(error("The token is malformed, expired, of the wrong type or revoked",
						ref("LatchkeyTokenError"), "invalid", tokenError("Token is invalid or expired"), "wrongType",
						tokenError("Token has wrong type"), "blacklisted", tokenError("Token is blacklisted")));
				case NOT_AUTHENTICATED -> challenge(error("No access token, or one that is not valid",
						ref("LatchkeyTokenError"), "missing",
						Map.of("detail", "Authentication credentials were not provided."), "invalid",
						Map.of("detail", "Given token not valid for any token type", "code", "token_not_valid",
								"messages", List.of(Map.of("token_class", "AccessToken", "token_type", "access",
										"message", "Token is invalid or expired")))));
				case CSRF_FAILED -> error("A cookie authenticated the request without the matching CSRF header",
						ref("LatchkeyError"), "missing", Map.of("detail", "CSRF Failed: CSRF token missing."),
						"incorrect", Map.of("detail", "CSRF Failed: CSRF token incorrect."));
				case NOT_FOUND -> detail("No such session of this user", "Not found.");
				case TOO_LARGE -> detail("The body is over latchkey.web.max-body-size", "Request body is too large.");
				case UNSUPPORTED_MEDIA_TYPE -> detail("Neither JSON nor a form",
						"Unsupported media type \"text/plain\" in request.");
				case THROTTLED -> detail("Locked out after repeated failures, or too many sign-ups",
						"Request was throttled. Expected available in 8 seconds.")
					.addHeaderObject("Retry-After", header("8"));
				case HASHING_BUSY -> detail("Every password-hashing thread is busy: retry shortly",
						"Service temporarily unavailable, try again later.")
					.addHeaderObject("Retry-After", header("1"));
			};
		}

	}

	static Schema<?> ref(String name) {
		return new Schema<>().$ref("#/components/schemas/" + name);
	}

	static Content json(Schema<?> schema) {
		return new Content().addMediaType("application/json", new MediaType().schema(schema));
	}

	private static SecurityScheme cookie(String name, String description) {
		return new SecurityScheme().type(SecurityScheme.Type.APIKEY)
			.in(SecurityScheme.In.COOKIE)
			.name(name)
			.description(description);
	}

	static Schema<?> object(List<String> required, Object... namesAndSchemas) {
		ObjectSchema schema = new ObjectSchema();
		for (int i = 0; i < namesAndSchemas.length; i += 2) {
			schema.addProperty((String) namesAndSchemas[i], (Schema<?>) namesAndSchemas[i + 1]);
		}
		if (!required.isEmpty()) {
			schema.required(required);
		}
		return schema;
	}

	static Schema<?> string(String example) {
		return new StringSchema().example(example);
	}

	private static Map<String, Object> tokenError(String detail) {
		return Map.of("detail", detail, "code", "token_not_valid");
	}

	private static Header header(String example) {
		return new Header().schema(new StringSchema().example(example));
	}

	private static ApiResponse challenge(ApiResponse response) {
		return response.addHeaderObject("WWW-Authenticate", header("Bearer realm=\"api\""));
	}

	private static ApiResponse detail(String description, String detail) {
		return error(description, ref("LatchkeyError"), "detail", Map.of("detail", detail));
	}

	/** An error response with named examples, given as name, value, name, value... */
	private static ApiResponse error(String description, Schema<?> schema, Object... namedExamples) {
		MediaType media = new MediaType().schema(schema);
		for (int i = 0; i < namedExamples.length; i += 2) {
			media.addExamples((String) namedExamples[i], new Example().value(namedExamples[i + 1]));
		}
		return new ApiResponse().description(description).content(new Content().addMediaType("application/json", media));
	}

}
