package dev.latchkey.web;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/auth/csrf/}: sets a fresh {@code csrftoken} cookie (Django's
 * {@code ensure_csrf_cookie}) for a page that has none yet.
 */
@RestController
public class CsrfController {

	private final TokenResponses responses;

	public CsrfController(TokenResponses responses) {
		this.responses = responses;
	}

	@GetMapping(ApiPaths.PREFIX + ApiPaths.CSRF)
	ResponseEntity<DetailBody> csrf() {
		return ResponseEntity.ok()
			.header(HttpHeaders.SET_COOKIE, this.responses.csrfCookie().toString())
			.cacheControl(CacheControl.noStore())
			.body(new DetailBody("CSRF cookie set."));
	}

}
