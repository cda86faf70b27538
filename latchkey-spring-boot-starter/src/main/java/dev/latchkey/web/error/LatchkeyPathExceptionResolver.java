package dev.latchkey.web.error;

import java.lang.reflect.Method;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.util.ReflectionUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Sends an exception raised before any handler was chosen (a method, media type or path that
 * Spring MVC refused) to {@link ApiExceptionHandler} when the request is for one of Latchkey's
 * paths, so that those answers stay DRF-shaped; for any other path it does nothing and the host
 * application's handling applies.
 */
public final class LatchkeyPathExceptionResolver implements HandlerExceptionResolver {

	private final HandlerExceptionResolver exceptionHandlers;

	private final RequestMatcher latchkeyPaths;

	private final HandlerMethod latchkeyHandler;

	/**
	 * @param exceptionHandlers Spring MVC's resolver of {@code @ExceptionHandler} methods
	 * @param advice Latchkey's advice, which stands in as the handler so its scope applies
	 * @param latchkeyPaths the path patterns of Latchkey's endpoints
	 */
	public LatchkeyPathExceptionResolver(HandlerExceptionResolver exceptionHandlers, ApiExceptionHandler advice,
			List<String> latchkeyPaths) {
		this.exceptionHandlers = exceptionHandlers;
		List<RequestMatcher> matchers = latchkeyPaths.stream()
			.map((pattern) -> (RequestMatcher) PathPatternRequestMatcher.pathPattern(pattern))
			.toList();
		this.latchkeyPaths = new OrRequestMatcher(matchers);
		Method any = ReflectionUtils.findMethod(ApiExceptionHandler.class, "unexpected", Exception.class);
		this.latchkeyHandler = new HandlerMethod(advice, any);
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception ex) {
		if (handler != null || !this.latchkeyPaths.matches(request)) {
			return null;
		}
		return this.exceptionHandlers.resolveException(request, response, this.latchkeyHandler, ex);
	}

}
