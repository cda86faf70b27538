package dev.latchkey.token;

/**
 * An access token and the refresh token it was issued with, as compact JWS strings.
 *
 * @param access the access token
 * @param refresh the refresh token
 */
public record TokenPair(String access, String refresh) {

	@Override
	public String toString() {
		// Never let a token reach a log through toString().
		return "TokenPair[access=<redacted>, refresh=<redacted>]";
	}

}
