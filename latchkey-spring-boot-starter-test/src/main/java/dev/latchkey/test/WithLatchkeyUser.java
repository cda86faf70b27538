package dev.latchkey.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test method (or every method of a test class) as a Latchkey user, as
 * {@code @WithMockUser} does for Spring Security's own users; the principal is a
 * {@code LatchkeyUser}.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
@WithSecurityContext(factory = WithLatchkeyUserSecurityContextFactory.class)
public @interface WithLatchkeyUser {

	/** @return the username */
	String value() default "user";

	/** @return the user id */
	long id() default 1;

	/** @return whether the user is staff ({@code ROLE_STAFF}) */
	boolean staff() default false;

	/** @return whether the user is a superuser ({@code ROLE_SUPERUSER}) */
	boolean superuser() default false;

	/** @return names of the token's {@code groups} claim ({@code ROLE_<group>}) */
	String[] groups() default {};

	/** @return authorities added as they are */
	String[] authorities() default {};

}
