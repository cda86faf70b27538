package dev.latchkey.test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithSecurityContextFactory;

import dev.latchkey.web.LatchkeySecurity;

/** Builds the security context of {@link WithLatchkeyUser}, with the application's authorities mapper when there is one. */
final class WithLatchkeyUserSecurityContextFactory implements WithSecurityContextFactory<WithLatchkeyUser> {

	private final ObjectProvider<LatchkeySecurity> security;

	WithLatchkeyUserSecurityContextFactory(ObjectProvider<LatchkeySecurity> security) {
		this.security = security;
	}

	@Override
	public SecurityContext createSecurityContext(WithLatchkeyUser annotation) {
		LatchkeyTestUser user = new LatchkeyTestUser(annotation.value()).id(annotation.id())
			.authorities(annotation.authorities());
		if (annotation.staff()) {
			user.staff();
		}
		if (annotation.superuser()) {
			user.superuser();
		}
		if (annotation.groups().length > 0) {
			user.groups(annotation.groups());
		}
		LatchkeySecurity current = this.security.getIfAvailable();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(user.authentication((current != null) ? current.authoritiesMapper() : null));
		return context;
	}

}
