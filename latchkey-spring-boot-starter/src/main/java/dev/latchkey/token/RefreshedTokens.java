package dev.latchkey.token;

/**
 * What a refresh answers.
 *
 * @param access the new access token
 * @param refresh the new refresh token, or {@code null} when rotation is off
 */
public record RefreshedTokens(String access, String refresh) {

	@Override
	public String toString() {
		return "RefreshedTokens[<redacted>]";
	}

}
