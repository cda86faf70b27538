package dev.latchkey.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import jakarta.servlet.http.Cookie;
import tools.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import dev.latchkey.testing.InMemoryOutstandingTokenRepository;
import dev.latchkey.testing.InMemorySessionRepository;
import dev.latchkey.testing.InMemoryUserRepository;
import dev.latchkey.testing.MutableClock;
import dev.latchkey.token.AccessTokenAuthenticator;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.token.InvalidTokenException;
import dev.latchkey.token.RevokedSessions;
import dev.latchkey.token.RotationSettings;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.token.TokenIssuer;
import dev.latchkey.token.TokenPair;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.token.TokenVerifier;
import dev.latchkey.token.VerifiedToken;
import dev.latchkey.token.key.NimbusTokenCodec;
import dev.latchkey.user.NewUser;
import dev.latchkey.user.User;
import dev.latchkey.web.error.ApiError;
import dev.latchkey.web.error.DrfAuthenticationEntryPoint;
import dev.latchkey.web.error.ErrorRenderer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link JwtAuthenticationFilter} run on Spring's mock requests with the real resolver,
 * authenticator, issuer and codec and in-memory repositories. It never answers by itself: every
 * request goes down the chain, a good token authenticates it, and each kind of failure is kept on
 * the request for the endpoints that need a user.
 */
class JwtAuthenticationFilterTests {

	private static final byte[] SECRET = "filter-tests-signing-key-0123456789abcdef".getBytes(StandardCharsets.UTF_8);

	private final MutableClock clock = new MutableClock();

	private final TokenSettings settings = TokenSettings.defaults();

	private final NimbusTokenCodec codec = new NimbusTokenCodec(SECRET, JWSAlgorithm.HS256);

	private final TokenIssuer issuer = new TokenIssuer(this.codec, this.settings, this.clock);

	private final InMemoryUserRepository users = new InMemoryUserRepository();

	private final InMemorySessionRepository sessions = new InMemorySessionRepository();

	private final RevokedSessions revokedSessions = new RevokedSessions(this.sessions, Duration.ofMinutes(5), this.clock);

	private final JwtAuthenticationFilter filter = new JwtAuthenticationFilter(new AccessTokenResolver("Bearer", "jwt-auth"),
			new AccessTokenAuthenticator(new TokenVerifier(this.codec, this.settings, this.clock), this.revokedSessions,
					false),
			this.users, new CsrfTokens("csrftoken", "X-CSRFToken"), new DefaultLatchkeyAuthoritiesMapper(null), new ErrorRenderer());

	private final User alice = this.users.insert(new NewUser("alice", "Alice", "", "!"), this.clock.instant());

	private final TokenPair pair = new SessionStarter(this.issuer, new InMemoryOutstandingTokenRepository(this.sessions),
			this.sessions, RotationSettings.defaults(), this.clock).start(this.alice.id(), ClientInfo.none());

	private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/user/");

	private final MockHttpServletResponse response = new MockHttpServletResponse();

	private final MockFilterChain chain = new MockFilterChain();

	@AfterEach
	void clearContext() {
		SecurityContextHolder.clearContext();
	}

	private void run() throws Exception {
		this.filter.doFilter(this.request, this.response, this.chain);
		assertThat(this.chain.getRequest()).as("the filter never answers by itself").isSameAs(this.request);
		assertThat(this.response.isCommitted()).isFalse();
		assertThat(this.response.getStatus()).isEqualTo(200);
	}

	/** The recorded failure as the client would read it: status and the JSON body. */
	@SuppressWarnings("unchecked")
	private Failure failure() {
		if (!(this.request.getAttribute(DrfAuthenticationEntryPoint.FAILURE_ATTRIBUTE) instanceof ApiError error)) {
			return null;
		}
		ErrorRenderer renderer = new ErrorRenderer();
		return new Failure(error.status(), JsonMapper.builder().build().readValue(renderer.toJson(error), Map.class));
	}

	private record Failure(int status, Map<String, Object> body) {
	}

	private void assertUnauthenticated() {
		assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
	}

	/** SimpleJWT's body for a bad access token on an authenticated API. */
	private void assertInvalidAccessToken(String message) {
		assertUnauthenticated();
		assertThat(failure().status()).isEqualTo(401);
		assertThat(failure().body()).containsEntry("detail", "Given token not valid for any token type")
			.containsEntry("code", "token_not_valid")
			.containsEntry("messages",
					List.of(Map.of("token_class", "AccessToken", "token_type", "access", "message", message)));
	}

	@Test
	void doFilterWhenNoTokenThenPassesThroughUnauthenticatedAndWithoutFailure() throws Exception {
		run();

		assertUnauthenticated();
		assertThat(failure()).isNull();
	}

	@Test
	void doFilterWhenAnotherSchemeThenNotOurs() throws Exception {
		this.request.addHeader("Authorization", "Basic YWxpY2U6c2VjcmV0");

		run();

		assertUnauthenticated();
		assertThat(failure()).isNull();
	}

	@Test
	void doFilterWhenAGoodAccessTokenThenTheUserIsAuthenticated() throws Exception {
		this.request.addHeader("Authorization", "Bearer " + this.pair.access());

		run();

		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		assertThat(authentication).isInstanceOf(UserAuthentication.class);
		assertThat(authentication.isAuthenticated()).isTrue();
		assertThat(authentication.getName()).isEqualTo("alice");
		assertThat(((LatchkeyUser) authentication.getPrincipal()).id()).isEqualTo(this.alice.id());
		assertThat(((VerifiedToken) authentication.getCredentials()).userId()).isEqualTo(this.alice.id());
		assertThat(failure()).isNull();
	}

	@Test
	void doFilterWhenTheHeaderIsMalformedThenBadAuthorizationHeader() throws Exception {
		this.request.addHeader("Authorization", "Bearer " + this.pair.access() + " extra");

		run();

		assertUnauthenticated();
		assertThat(failure().status()).isEqualTo(401);
		assertThat(failure().body()).containsExactly(Map.entry("detail", AccessTokenResolver.BAD_HEADER),
				Map.entry("code", "bad_authorization_header"));
	}

	@Test
	void doFilterWhenTheTokenIsGarbledThenInvalidOrExpired() throws Exception {
		this.request.addHeader("Authorization", "Bearer not.a.token");

		run();

		assertInvalidAccessToken(InvalidTokenException.INVALID_OR_EXPIRED);
	}

	@Test
	void doFilterWhenTheTokenExpiredThenInvalidOrExpired() throws Exception {
		this.request.addHeader("Authorization", "Bearer " + this.pair.access());
		this.clock.advance(Duration.ofMinutes(5));

		run();

		assertInvalidAccessToken(InvalidTokenException.INVALID_OR_EXPIRED);
	}

	@Test
	void doFilterWhenARefreshTokenIsPresentedThenWrongType() throws Exception {
		this.request.addHeader("Authorization", "Bearer " + this.pair.refresh());

		run();

		assertInvalidAccessToken(InvalidTokenException.WRONG_TYPE);
	}

	@Test
	void doFilterWhenTheSessionWasRevokedThenBlacklisted() throws Exception {
		String sessionId = new TokenVerifier(this.codec, this.settings, this.clock)
			.verifyUntyped(this.pair.access())
			.sessionId();
		this.revokedSessions.markRevoked(sessionId);
		this.request.addHeader("Authorization", "Bearer " + this.pair.access());

		run();

		assertInvalidAccessToken(InvalidTokenException.BLACKLISTED);
	}

	@Test
	void doFilterWhenTheUserIsGoneThenUserNotFound() throws Exception {
		this.users.delete(this.alice.id());
		this.request.addHeader("Authorization", "Bearer " + this.pair.access());

		run();

		assertUnauthenticated();
		assertThat(failure().status()).isEqualTo(401);
		assertThat(failure().body()).containsExactly(Map.entry("detail", "User not found"),
				Map.entry("code", "user_not_found"));
	}

	@Test
	void doFilterWhenTheUserIsInactiveThenUserInactive() throws Exception {
		this.users.setActive(this.alice.id(), false);
		this.request.addHeader("Authorization", "Bearer " + this.pair.access());

		run();

		assertUnauthenticated();
		assertThat(failure().status()).isEqualTo(401);
		assertThat(failure().body()).containsExactly(Map.entry("detail", "User is inactive"),
				Map.entry("code", "user_inactive"));
	}

	@Test
	void doFilterWhenTheCookieAuthenticatesASafeRequestThenAuthenticated() throws Exception {
		this.request.setCookies(new Cookie("jwt-auth", this.pair.access()));

		run();

		assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("alice");
	}

	@Test
	void doFilterWhenTheCookieAuthenticatesAnUnsafeRequestWithoutTheCsrfHeaderThenForbidden() throws Exception {
		this.request.setMethod("POST");
		this.request.setCookies(new Cookie("jwt-auth", this.pair.access()), new Cookie("csrftoken", "abc"));

		run();

		assertUnauthenticated();
		assertThat(failure().status()).isEqualTo(403);
		assertThat(failure().body()).containsExactly(Map.entry("detail", CsrfTokens.MISSING));
	}

	@Test
	void doFilterWhenTheCookieAuthenticatesAnUnsafeRequestWithTheCsrfHeaderThenAuthenticated() throws Exception {
		this.request.setMethod("POST");
		this.request.setCookies(new Cookie("jwt-auth", this.pair.access()), new Cookie("csrftoken", "abc"));
		this.request.addHeader("X-CSRFToken", "abc");

		run();

		assertThat(SecurityContextHolder.getContext().getAuthentication().getName()).isEqualTo("alice");
		assertThat(failure()).isNull();
	}

}
