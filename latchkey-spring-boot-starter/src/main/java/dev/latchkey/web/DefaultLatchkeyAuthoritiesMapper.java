package dev.latchkey.web;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Latchkey's default authorities, after Django's flags: {@code ROLE_STAFF} for
 * {@code is_staff}, {@code ROLE_SUPERUSER} for {@code is_superuser}, {@code ROLE_<group>} for each
 * name in a {@code groups} claim (an {@code ExtraClaims} bean can add one), and, only when an
 * authorities claim is configured, each name in that claim as it is.
 */
public final class DefaultLatchkeyAuthoritiesMapper implements LatchkeyAuthoritiesMapper {

	/** The claim whose names become {@code ROLE_<name>}, when present. */
	public static final String GROUPS_CLAIM = "groups";

	private final String authoritiesClaim;

	/**
	 * @param authoritiesClaim claim holding authority names taken as they are, or {@code null}
	 * for none (the default: a claim is only as trustworthy as whoever configures what goes in it)
	 */
	public DefaultLatchkeyAuthoritiesMapper(String authoritiesClaim) {
		this.authoritiesClaim = authoritiesClaim;
	}

	@Override
	public Collection<? extends GrantedAuthority> authorities(LatchkeyUser user) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		if (user.staff()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_STAFF"));
		}
		if (user.superuser()) {
			authorities.add(new SimpleGrantedAuthority("ROLE_SUPERUSER"));
		}
		for (String group : names(user.claims().get(GROUPS_CLAIM))) {
			authorities.add(new SimpleGrantedAuthority("ROLE_" + group));
		}
		if (this.authoritiesClaim != null) {
			for (String authority : names(user.claims().get(this.authoritiesClaim))) {
				authorities.add(new SimpleGrantedAuthority(authority));
			}
		}
		return List.copyOf(authorities);
	}

	/** The non-blank strings of a claim that is a list of names or one space-separated string (OAuth's "scope"). */
	private static List<String> names(Object claim) {
		List<String> names = new ArrayList<>();
		if (claim instanceof Collection<?> values) {
			values.stream().filter(String.class::isInstance).map(String.class::cast).forEach(names::add);
		}
		else if (claim instanceof String value) {
			names.addAll(List.of(value.split(" ")));
		}
		names.removeIf(String::isBlank);
		return names;
	}

}
