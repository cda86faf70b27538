package dev.latchkey.test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

import dev.latchkey.token.TokenType;
import dev.latchkey.token.VerifiedToken;
import dev.latchkey.user.User;
import dev.latchkey.web.DefaultLatchkeyAuthoritiesMapper;
import dev.latchkey.web.LatchkeyAuthoritiesMapper;
import dev.latchkey.web.LatchkeySecurity;
import dev.latchkey.web.UserAuthentication;

/**
 * The user a test acts as: what a Latchkey access token would have authenticated, built without
 * a token, a key or a database. Its authorities are what Latchkey's default mapper gives
 * ({@code ROLE_STAFF}, {@code ROLE_SUPERUSER}, {@code ROLE_<group>}), or the application's
 * {@code LatchkeyAuthoritiesMapper}, plus any named ones. As a MockMvc request post-processor
 * ({@link LatchkeyRequestPostProcessors#latchkeyUser(String)}) it signs the request in.
 */
public final class LatchkeyTestUser implements RequestPostProcessor {

	private long id = 1;

	private final String username;

	private String name = "";

	private String email = "";

	private boolean staff;

	private boolean superuser;

	private final Map<String, Object> claims = new LinkedHashMap<>();

	private final List<String> authorities = new ArrayList<>();

	LatchkeyTestUser(String username) {
		this.username = username;
	}

	public LatchkeyTestUser id(long id) {
		this.id = id;
		return this;
	}

	public LatchkeyTestUser name(String name) {
		this.name = name;
		return this;
	}

	public LatchkeyTestUser email(String email) {
		this.email = email;
		return this;
	}

	/** @return this user with Django's {@code is_staff} ({@code ROLE_STAFF}) */
	public LatchkeyTestUser staff() {
		this.staff = true;
		return this;
	}

	/** @return this user with Django's {@code is_superuser} ({@code ROLE_SUPERUSER}) */
	public LatchkeyTestUser superuser() {
		this.superuser = true;
		return this;
	}

	/** @param groups names put in the token's {@code groups} claim ({@code ROLE_<group>}) */
	public LatchkeyTestUser groups(String... groups) {
		this.claims.put(DefaultLatchkeyAuthoritiesMapper.GROUPS_CLAIM, List.of(groups));
		return this;
	}

	/** @param authorities authorities added as they are ({@code "ROLE_ADMIN"}, {@code "orders:write"}) */
	public LatchkeyTestUser authorities(String... authorities) {
		this.authorities.addAll(List.of(authorities));
		return this;
	}

	/** A claim of the access token, as an {@code ExtraClaims} bean would have added it. */
	public LatchkeyTestUser claim(String name, Object value) {
		this.claims.put(name, value);
		return this;
	}

	@Override
	public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
		WebApplicationContext context = WebApplicationContextUtils.findWebApplicationContext(request.getServletContext());
		LatchkeySecurity security = (context != null) ? context.getBeanProvider(LatchkeySecurity.class).getIfAvailable()
				: null;
		UserAuthentication authentication = authentication((security != null) ? security.authoritiesMapper() : null);
		return SecurityMockMvcRequestPostProcessors.authentication(authentication).postProcessRequest(request);
	}

	/**
	 * The authentication Latchkey's filter would have put in the security context.
	 * @param mapper the application's authorities mapper, or {@code null} for Latchkey's default
	 * @return the authentication
	 */
	public UserAuthentication authentication(LatchkeyAuthoritiesMapper mapper) {
		LatchkeyAuthoritiesMapper base = (mapper != null) ? mapper : new DefaultLatchkeyAuthoritiesMapper(null);
		LatchkeyAuthoritiesMapper withExtra = (user) -> {
			Collection<GrantedAuthority> all = new ArrayList<>(base.authorities(user));
			this.authorities.forEach((authority) -> all.add(new SimpleGrantedAuthority(authority)));
			return all;
		};
		Instant now = Instant.now();
		// An unusable hash: the test user has no password.
		User user = new User(this.id, this.username, this.name, this.email, "!", true, this.staff, this.superuser, now,
				null);
		Map<String, Object> tokenClaims = new LinkedHashMap<>(this.claims);
		tokenClaims.putIfAbsent("token_type", TokenType.ACCESS.claimValue());
		tokenClaims.putIfAbsent("user_id", this.id);
		VerifiedToken token = new VerifiedToken(TokenType.ACCESS, UUID.randomUUID().toString(), this.id, now,
				now.plus(Duration.ofMinutes(5)), tokenClaims);
		return new UserAuthentication(user, token, withExtra);
	}

}
