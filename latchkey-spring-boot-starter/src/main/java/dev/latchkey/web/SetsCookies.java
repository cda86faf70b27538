package dev.latchkey.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler that sets or clears the token cookies: {@link CrossSiteRequestGuard} refuses
 * cross-site requests to it before it runs (login CSRF, forced logout).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface SetsCookies {

}
