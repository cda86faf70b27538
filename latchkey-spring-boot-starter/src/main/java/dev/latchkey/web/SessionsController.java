package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.token.SessionSummary;
import dev.latchkey.token.UserSessions;
import dev.latchkey.web.error.ClientErrorException;

/**
 * {@code GET /api/auth/sessions/} lists the user's live sessions; {@code DELETE
 * /api/auth/sessions/{id}/} revokes one (404 for a session that is not theirs).
 */
@RestController
public class SessionsController {

	private final UserSessions sessions;

	private final ClientInfos clients;

	public SessionsController(UserSessions sessions, ClientInfos clients) {
		this.sessions = sessions;
		this.clients = clients;
	}

	@GetMapping(ApiPaths.PREFIX + ApiPaths.SESSIONS)
	List<Map<String, Object>> list(UserAuthentication authentication) {
		String current = authentication.getCredentials().sessionId();
		return this.sessions.list(authentication.getPrincipal().id())
			.stream()
			.map((session) -> body(session, session.id().equals(current)))
			.toList();
	}

	@DeleteMapping(ApiPaths.PREFIX + ApiPaths.SESSION)
	ResponseEntity<Object> revoke(UserAuthentication authentication, @PathVariable String id,
			HttpServletRequest request) {
		if (!this.sessions.revoke(authentication.getPrincipal().id(), id, this.clients.from(request))) {
			throw ClientErrorException.notFound();
		}
		return ResponseEntity.noContent().build();
	}

	private static Map<String, Object> body(SessionSummary session, boolean current) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", session.id());
		body.put("created", session.created().toString());
		body.put("last_used", session.lastUsed().toString());
		body.put("expires", session.expires().toString());
		body.put("user_agent", session.client().userAgent());
		body.put("ip", session.client().ip());
		body.put("current", current);
		return body;
	}

}
