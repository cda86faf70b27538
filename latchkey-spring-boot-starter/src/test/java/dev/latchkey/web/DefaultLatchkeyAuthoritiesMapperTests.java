package dev.latchkey.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.security.core.GrantedAuthority;

import static org.assertj.core.api.Assertions.assertThat;

class DefaultLatchkeyAuthoritiesMapperTests {

	@Test
	void authoritiesWhenPlainUserThenNone() {
		assertThat(names(new DefaultLatchkeyAuthoritiesMapper(null), user(false, false, Map.of()))).isEmpty();
	}

	@Test
	void authoritiesWhenStaffAndSuperuserThenBothRoles() {
		assertThat(names(new DefaultLatchkeyAuthoritiesMapper(null), user(true, true, Map.of())))
			.containsExactly("ROLE_STAFF", "ROLE_SUPERUSER");
	}

	@Test
	void authoritiesWhenGroupsClaimThenRolePerGroup() {
		assertThat(names(new DefaultLatchkeyAuthoritiesMapper(null),
				user(false, false, Map.of("groups", List.of("editors", "", 7, "billing")))))
			.containsExactly("ROLE_editors", "ROLE_billing");
	}

	@Test
	void authoritiesWhenAuthoritiesClaimNotConfiguredThenIgnored() {
		assertThat(names(new DefaultLatchkeyAuthoritiesMapper(null), user(false, false, Map.of("scope", "orders:read"))))
			.isEmpty();
	}

	@Test
	void authoritiesWhenAuthoritiesClaimConfiguredThenNamesAsTheyAre() {
		assertThat(names(new DefaultLatchkeyAuthoritiesMapper("scope"),
				user(false, false, Map.of("scope", "orders:read  orders:write"))))
			.containsExactly("orders:read", "orders:write");
	}

	private static LatchkeyUser user(boolean staff, boolean superuser, Map<String, Object> claims) {
		return new LatchkeyUser(1, "alice", "", "", staff, superuser, claims);
	}

	private static List<String> names(LatchkeyAuthoritiesMapper mapper, LatchkeyUser user) {
		return mapper.authorities(user).stream().map(GrantedAuthority::getAuthority).toList();
	}

}
