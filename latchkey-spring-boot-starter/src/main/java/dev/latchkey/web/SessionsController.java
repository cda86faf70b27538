package dev.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

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
	List<SessionBody> list(UserAuthentication authentication) {
		String current = authentication.getCredentials().sessionId();
		return this.sessions.list(authentication.getPrincipal().id())
			.stream()
			.map((session) -> SessionBody.of(session, session.id().equals(current)))
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

}
