package dev.latchkey.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

import dev.latchkey.token.ClientInfo;

/**
 * Who is calling: the user agent and the client address. {@code X-Forwarded-For} is believed
 * only when the direct peer is a configured trusted proxy; then all its lines are read as one
 * list (as Tomcat's {@code RemoteIpValve} does) and the right-most address that is not itself a
 * trusted proxy is the client: anything left of it could be forged by the client. A hop that is
 * not an IP literal ends the walk, and the peer is taken.
 */
public final class ClientInfos {

	private static final String X_FORWARDED_FOR = "X-Forwarded-For";

	private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";

	private static final Pattern IPV4 = Pattern.compile(OCTET + "(\\." + OCTET + "){3}");

	private static final Pattern IPV6_CHARS = Pattern.compile("[0-9a-fA-F:][0-9a-fA-F:.]*");

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
		if (!isTrusted(peer)) {
			return peer;
		}
		List<String> hops = forwardedFor(request);
		for (int i = hops.size() - 1; i >= 0; i--) {
			String hop = literal(hops.get(i));
			if (hop == null) {
				return peer;
			}
			if (!isTrusted(hop)) {
				return hop;
			}
		}
		return peer;
	}

	/**
	 * Whether the client reached Latchkey over HTTPS: directly, or by a trusted proxy's
	 * {@code X-Forwarded-Proto} (the right-most value, which that proxy wrote).
	 */
	public boolean isSecure(HttpServletRequest request) {
		if (request.isSecure()) {
			return true;
		}
		if (!isTrusted(request.getRemoteAddr())) {
			return false;
		}
		String last = null;
		Enumeration<String> lines = request.getHeaders("X-Forwarded-Proto");
		while (lines != null && lines.hasMoreElements()) {
			String[] values = lines.nextElement().split(",");
			last = values[values.length - 1].strip();
		}
		return "https".equalsIgnoreCase(last);
	}

	/** Every X-Forwarded-For line as one list: a proxy may append its own line (HAProxy does). */
	private static List<String> forwardedFor(HttpServletRequest request) {
		List<String> hops = new ArrayList<>();
		Enumeration<String> lines = request.getHeaders(X_FORWARDED_FOR);
		while (lines != null && lines.hasMoreElements()) {
			for (String hop : lines.nextElement().split(",", -1)) {
				hops.add(hop.strip());
			}
		}
		return hops;
	}

	private boolean isTrusted(String address) {
		return this.trustedProxies.stream().anyMatch((proxy) -> proxy.matches(address));
	}

	/**
	 * The canonical text of an IP literal (IPv4-mapped IPv6 as IPv4, IPv6 uncompressed and lower
	 * case), so one client has one counter however a hop writes it; {@code null} for anything else
	 * (names, ports, octal or hex IPv4 forms), which is never resolved and never reaches the logs.
	 */
	static String literal(String hop) {
		boolean ipv4 = IPV4.matcher(hop).matches();
		boolean ipv6 = hop.length() <= 45 && hop.indexOf(':') >= 0 && IPV6_CHARS.matcher(hop).matches();
		if (!ipv4 && !ipv6) {
			return null;
		}
		try {
			// A literal: with a ':' (or as a dotted quad) the JDK parses it and never asks DNS.
			return InetAddress.getByName(hop).getHostAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

}
