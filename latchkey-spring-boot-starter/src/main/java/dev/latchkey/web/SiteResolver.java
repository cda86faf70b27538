package dev.latchkey.web;

import java.net.URI;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import dev.latchkey.account.Site;

/**
 * Where the links in Latchkey's mail point. With {@code latchkey.account.site-url} set, there;
 * without it, the request's own host, but only a loopback one (a developer's machine, the demo):
 * the {@code Host} header is the client's to choose, and a reset link pointing at an attacker's
 * host would hand them the token (Django guards this with {@code ALLOWED_HOSTS}).
 */
public final class SiteResolver {

	private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

	private final URI siteUrl;

	private final String siteName;

	private final ClientInfos clients;

	public SiteResolver(URI siteUrl, String siteName, ClientInfos clients) {
		this.siteUrl = siteUrl;
		this.siteName = siteName;
		this.clients = clients;
	}

	public Site resolve(HttpServletRequest request) {
		if (this.siteUrl != null) {
			String authority = this.siteUrl.getRawAuthority();
			String path = (this.siteUrl.getRawPath() != null) ? stripTrailingSlash(this.siteUrl.getRawPath()) : "";
			return new Site(this.siteUrl.getScheme(), authority + path, this.siteName);
		}
		String host = request.getServerName();
		String protocol = this.clients.isSecure(request) ? "https" : "http";
		if (!LOOPBACK.contains(host)) {
			return new Site(protocol, "localhost", this.siteName);
		}
		int port = request.getServerPort();
		boolean defaultPort = (port == 80 && protocol.equals("http")) || (port == 443 && protocol.equals("https"));
		return new Site(protocol, defaultPort ? host : host + ":" + port, this.siteName);
	}

	private static String stripTrailingSlash(String path) {
		return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
	}

}
