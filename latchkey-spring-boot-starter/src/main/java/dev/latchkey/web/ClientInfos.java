package dev.latchkey.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

import dev.latchkey.token.ClientInfo;

/**
 * Who is calling, as recorded with a new session.
 */
final class ClientInfos {

	private ClientInfos() {
	}

	static ClientInfo from(HttpServletRequest request) {
		return new ClientInfo(request.getHeader(HttpHeaders.USER_AGENT), request.getRemoteAddr());
	}

}
