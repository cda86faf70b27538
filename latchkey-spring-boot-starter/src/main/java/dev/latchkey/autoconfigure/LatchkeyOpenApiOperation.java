package dev.latchkey.autoconfigure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;

import dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.Failure;

import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.ACCESS_COOKIE;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.BEARER;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.CSRF;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.REFRESH_COOKIE;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.json;
import static dev.latchkey.autoconfigure.LatchkeyOpenApiComponents.ref;

/**
 * Builds one operation of Latchkey's OpenAPI description: how it authenticates, what it reads
 * (JSON or a form, as DRF), what it answers and how it fails.
 */
final class LatchkeyOpenApiOperation {

	private final Operation operation;

	private final ApiResponses responses = new ApiResponses();

	private final List<Failure> failures = new ArrayList<>();

	private LatchkeyOpenApiOperation(String tag, String id, String summary) {
		this.operation = new Operation().addTagsItem(tag).operationId(id).summary(summary);
	}

	static LatchkeyOpenApiOperation of(String tag, String id, String summary) {
		return new LatchkeyOpenApiOperation(tag, id, summary);
	}

	/** Anyone may call it: what it is sent authenticates, not an access token. */
	LatchkeyOpenApiOperation open() {
		this.operation.setSecurity(new ArrayList<>());
		return this;
	}

	/** Reads a refresh token from the body, else from its cookie with the CSRF header. */
	LatchkeyOpenApiOperation refreshCookie() {
		this.operation.security(List.of(new SecurityRequirement(),
				new SecurityRequirement().addList(REFRESH_COOKIE).addList(CSRF)));
		this.failures.add(Failure.CSRF_FAILED);
		return this;
	}

	/** Needs an access token, in the header or in its cookie (with the CSRF header when unsafe). */
	LatchkeyOpenApiOperation signedIn(boolean unsafe) {
		SecurityRequirement cookie = new SecurityRequirement().addList(ACCESS_COOKIE);
		this.operation.security(List.of(new SecurityRequirement().addList(BEARER), unsafe ? cookie.addList(CSRF) : cookie));
		this.failures.add(Failure.NOT_AUTHENTICATED);
		if (unsafe) {
			this.failures.add(Failure.CSRF_FAILED);
		}
		return this;
	}

	/** The body, as JSON or as a form; either may be too large or of another type. */
	LatchkeyOpenApiOperation body(String schema) {
		MediaType media = new MediaType().schema(ref(schema));
		this.operation.requestBody(new RequestBody().required(true)
			.content(new Content().addMediaType("application/json", media)
				.addMediaType("application/x-www-form-urlencoded", media)));
		this.failures.add(Failure.BAD_REQUEST);
		this.failures.add(Failure.TOO_LARGE);
		this.failures.add(Failure.UNSUPPORTED_MEDIA_TYPE);
		return this;
	}

	LatchkeyOpenApiOperation answers(String status, String description, Schema<?> schema) {
		ApiResponse response = new ApiResponse().description(description);
		this.responses.addApiResponse(status, (schema != null) ? response.content(json(schema)) : response);
		return this;
	}

	LatchkeyOpenApiOperation answers(String status, String description, String schema) {
		return answers(status, description, ref(schema));
	}

	/** The success answer also sets cookies. */
	LatchkeyOpenApiOperation setsCookies(String which) {
		this.responses.values()
			.forEach((response) -> response.addHeaderObject("Set-Cookie",
					new Header().description(which).schema(new StringSchema())));
		return this;
	}

	LatchkeyOpenApiOperation fails(Failure... failures) {
		this.failures.addAll(List.of(failures));
		return this;
	}

	Operation build() {
		// Where two failures share a status (401 bad credentials vs no token), the later, more
		// specific one wins.
		this.failures.stream()
			.sorted(Comparator.comparing((Failure failure) -> failure.status))
			.forEach((failure) -> this.responses.addApiResponse(failure.status, failure.reference()));
		return this.operation.responses(this.responses);
	}

}
