package dev.latchkey.token;

/**
 * Who started a session, as shown in the sessions list.
 *
 * @param userAgent the {@code User-Agent} header, trimmed to 512 characters
 * @param ip the client address
 */
public record ClientInfo(String userAgent, String ip) {

	static final int MAX_USER_AGENT = 512;

	public ClientInfo {
		userAgent = (userAgent != null) ? truncate(userAgent, MAX_USER_AGENT) : "";
		ip = (ip != null) ? truncate(ip, 64) : "";
	}

	/** No request behind it (a command, a test). */
	public static ClientInfo none() {
		return new ClientInfo("", "");
	}

	private static String truncate(String value, int max) {
		return (value.length() <= max) ? value : value.substring(0, max);
	}

}
