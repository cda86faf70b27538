package dev.latchkey.test;

/**
 * MockMvc request post-processors for Latchkey, as spring-security-test's {@code jwt()} is for a
 * resource server:
 *
 * <pre>{@code
 * mvc.perform(delete("/api/orders/7/").with(latchkeyUser("alice").staff()))
 *     .andExpect(status().isNoContent());
 * }</pre>
 */
public final class LatchkeyRequestPostProcessors {

	private LatchkeyRequestPostProcessors() {
	}

	/**
	 * Sign the request in as a Latchkey user; refine with {@code .staff()}, {@code .groups(...)},
	 * {@code .authorities(...)}, {@code .claim(...)}.
	 * @param username the user's username
	 * @return the user, a request post-processor
	 */
	public static LatchkeyTestUser latchkeyUser(String username) {
		return new LatchkeyTestUser(username);
	}

}
