package dev.latchkey.benchmarks.ceiling;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The load test's ceiling: {@code GET /bench/ping} answering {@code {"status":"ok"}} from a
 * {@code Map}, through the same Tomcat, Spring Security filter chain, DispatcherServlet and Jackson
 * as {@code GET /api/auth/user/}, minus the token and user work.
 */
@RestController
public class PingController {

	private static final Map<String, Object> OK = Map.of("status", "ok");

	@GetMapping("/bench/ping")
	public Map<String, Object> ping() {
		return OK;
	}

}
