package dev.latchkey.web;

import java.time.Duration;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.key.PublicKeySet;

/**
 * {@code GET /.well-known/jwks.json}: the public keys other services verify Latchkey's tokens
 * with, cacheable for five minutes (a rotation keeps the old key published until its tokens
 * expire, so caches never miss a key that is still in use).
 */
@RestController
public class JwksController {

	public static final String PATH = "/.well-known/jwks.json";

	private final PublicKeySet keys;

	public JwksController(PublicKeySet keys) {
		this.keys = keys;
	}

	// RFC 7517's JSON as Nimbus writes it (key parameters differ per key type): a map is the honest type.
	@GetMapping(PATH)
	ResponseEntity<Map<String, Object>> jwks() {
		return ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic()).body(this.keys.toJson());
	}

}
