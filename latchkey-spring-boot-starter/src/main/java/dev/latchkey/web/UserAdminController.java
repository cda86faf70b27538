package dev.latchkey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.user.User;
import dev.latchkey.user.UserAdministration;
import dev.latchkey.web.error.ClientErrorException;

/**
 * {@code /api/admin/users/}: superusers list and search users ({@code ?search=}), deactivate one
 * ({@code POST .../{id}/deactivate/}, which ends every session) and end every session of one
 * ({@code POST .../{id}/logout-all/}). The chain lets only {@code ROLE_SUPERUSER} in.
 */
@RestController
public class UserAdminController {

	private final UserAdministration administration;

	private final ClientInfos clients;

	public UserAdminController(UserAdministration administration, ClientInfos clients) {
		this.administration = administration;
		this.clients = clients;
	}

	@GetMapping(ApiPaths.PREFIX + ApiPaths.ADMIN_USERS)
	List<Map<String, Object>> search(@RequestParam(name = "search", required = false) String search) {
		return this.administration.search(search).stream().map(UserAdminController::body).toList();
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.ADMIN_USER_DEACTIVATE)
	Map<String, Object> deactivate(@PathVariable long id, HttpServletRequest request) {
		OptionalInt ended = this.administration.deactivate(id, this.clients.from(request));
		if (ended.isEmpty()) {
			throw ClientErrorException.notFound();
		}
		return Map.of("id", id, "is_active", false, "sessions_ended", ended.getAsInt());
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.ADMIN_USER_LOGOUT_ALL)
	Map<String, Object> endSessions(@PathVariable long id, HttpServletRequest request) {
		return Map.of("id", id, "sessions_ended", this.administration.endSessions(id, this.clients.from(request)));
	}

	private static Map<String, Object> body(User user) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", user.id());
		body.put("username", user.username());
		body.put("name", user.name());
		body.put("email", user.email());
		body.put("is_active", user.active());
		body.put("is_staff", user.staff());
		body.put("is_superuser", user.superuser());
		body.put("date_joined", user.dateJoined().toString());
		body.put("last_login", (user.lastLogin() != null) ? user.lastLogin().toString() : null);
		return body;
	}

}
