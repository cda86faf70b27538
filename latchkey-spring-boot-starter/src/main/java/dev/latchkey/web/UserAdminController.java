package dev.latchkey.web;

import java.util.List;
import java.util.OptionalInt;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

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
	List<AdminUserBody> search(@RequestParam(name = "search", required = false) String search) {
		return this.administration.search(search).stream().map(AdminUserBody::of).toList();
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.ADMIN_USER_DEACTIVATE)
	AdminUserBody.Deactivated deactivate(@PathVariable long id, HttpServletRequest request) {
		OptionalInt ended = this.administration.deactivate(id, this.clients.from(request));
		if (ended.isEmpty()) {
			throw ClientErrorException.notFound();
		}
		return new AdminUserBody.Deactivated(id, false, ended.getAsInt());
	}

	@PostMapping(ApiPaths.PREFIX + ApiPaths.ADMIN_USER_LOGOUT_ALL)
	AdminUserBody.SessionsEnded endSessions(@PathVariable long id, HttpServletRequest request) {
		return new AdminUserBody.SessionsEnded(id, this.administration.endSessions(id, this.clients.from(request)));
	}

}
