package dev.latchkey.web;

import java.util.List;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Grants an authenticated request, and an anonymous one for a path that no endpoint serves, so
 * that it gets DRF's 404 rather than a 401: a front end's "401, refresh, retry" interceptor would
 * loop on a mistyped path. A path served by another method or media type counts as served (401
 * first, as DRF authenticates before it dispatches).
 */
public final class AuthenticatedOrUnserved implements AuthorizationManager<RequestAuthorizationContext> {

	private final AuthenticatedAuthorizationManager<RequestAuthorizationContext> authenticated = AuthenticatedAuthorizationManager
		.authenticated();

	private final Supplier<List<HandlerMapping>> endpoints;

	/** @param endpoints the handler mappings of the application's endpoints (not of static resources) */
	public AuthenticatedOrUnserved(Supplier<List<HandlerMapping>> endpoints) {
		this.endpoints = endpoints;
	}

	@Override
	public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
			RequestAuthorizationContext context) {
		AuthorizationResult result = this.authenticated.authorize(authentication, context);
		if (result != null && result.isGranted()) {
			return result;
		}
		return new AuthorizationDecision(!served(context.getRequest()));
	}

	private boolean served(HttpServletRequest request) {
		Object parsed = request.getAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE);
		ServletRequestPathUtils.parseAndCache(request);
		try {
			for (HandlerMapping mapping : this.endpoints.get()) {
				if (mapping.getHandler(request) != null) {
					return true;
				}
			}
			return false;
		}
		catch (Exception ex) {
			// Refused for its method or media type: the path is served, just not like this.
			return true;
		}
		finally {
			request.setAttribute(ServletRequestPathUtils.PATH_ATTRIBUTE, parsed);
		}
	}

}
