package dev.latchkey.account;

/**
 * Where the links in a mail point: Django's {@code protocol} and {@code domain} template
 * variables, and the site's name.
 *
 * @param protocol {@code http} or {@code https}
 * @param domain host and optional port
 * @param name the site's name ({@code site_name})
 */
public record Site(String protocol, String domain, String name) {

	/** {@code protocol://domain} followed by {@code path}. */
	public String link(String path) {
		return this.protocol + "://" + this.domain + path;
	}

}
