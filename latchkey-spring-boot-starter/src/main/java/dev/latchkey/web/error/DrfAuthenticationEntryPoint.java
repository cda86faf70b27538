package dev.latchkey.web.error;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request that needs a user and has none: with the failure the authentication filter
 * recorded under {@link #FAILURE_ATTRIBUTE} (bad token, user not found, ...) or DRF's "credentials
 * were not provided"; and a signed-in user without the right with DRF's 403.
 */
public final class DrfAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	/** Request attribute holding the {@link ApiError} of a failed authentication. */
	public static final String FAILURE_ATTRIBUTE = DrfAuthenticationEntryPoint.class.getName() + ".failure";

	private final ErrorRenderer renderer;

	public DrfAuthenticationEntryPoint(ErrorRenderer renderer) {
		this.renderer = renderer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		ApiError failure = (request.getAttribute(FAILURE_ATTRIBUTE) instanceof ApiError recorded) ? recorded
				: this.renderer.notAuthenticated();
		this.renderer.write(response, failure);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.renderer.write(response, this.renderer.status(HttpServletResponse.SC_FORBIDDEN));
	}

}
