package dev.latchkey.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import dev.latchkey.token.ClientInfo;

/**
 * Who is calling: the user agent and the client address. {@code X-Forwarded-For} is believed
 * only when the direct peer is a configured trusted proxy, and then the right-most address that
 * is not itself a trusted proxy is the client (anything left of it could be forged by the client).
 */
public final class ClientInfos {

	private final List<IpAddressMatcher> trustedProxies;

	/**
	 * @param trustedProxies addresses or CIDR ranges of the reverse proxies in front of Latchkey
	 */
	public ClientInfos(List<String> trustedProxies) {
		this.trustedProxies = trustedProxies.stream().map(IpAddressMatcher::new).toList();
	}

	public ClientInfo from(HttpServletRequest request) {
		return new ClientInfo(request.getHeader(HttpHeaders.USER_AGENT), clientAddress(request));
	}

	String clientAddress(HttpServletRequest request) {
		String peer = request.getRemoteAddr();
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded == null || !isTrusted(peer)) {
			return peer;
		}
		String[] hops = forwarded.split(",");
		for (int i = hops.length - 1; i >= 0; i--) {
			String hop = hops[i].strip();
			if (!isAddress(hop)) {
				return peer;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.matches(address));
	}

	private static boolean isAddress(String value) {
		// Letters a-f and ':' for IPv6, digits and '.' for IPv4: nothing else may reach the logs.
		return !value.isEmpty() && value.length() <= 45 && value.chars().allMatch((c) -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
	}

}
