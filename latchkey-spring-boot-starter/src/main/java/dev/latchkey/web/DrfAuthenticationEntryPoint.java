package dev.latchkey.web;

import java.io.IOException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Answers a request that needs a user and has none: with the failure the
 * {@link JwtAuthenticationFilter} recorded (bad token, user not found, ...) or DRF's "credentials
 * were not provided"; and a signed-in user without the right with DRF's 403.
 */
public final class DrfAuthenticationEntryPoint implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final ErrorResponseWriter writer;

	public DrfAuthenticationEntryPoint(ErrorResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		if (request.getAttribute(JwtAuthenticationFilter.FAILURE_ATTRIBUTE) instanceof JwtAuthenticationFilter.Failure failure) {
			this.writer.write(response, failure.status(), failure.body());
			return;
		}
		this.writer.write(response, HttpServletResponse.SC_UNAUTHORIZED, ErrorBody.detail(ErrorBody.NOT_AUTHENTICATED));
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		this.writer.write(response, HttpServletResponse.SC_FORBIDDEN, ErrorBody.detail(ErrorBody.defaultDetail(403)));
	}

}
