package dev.latchkey.test.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds Latchkey's security to a test slice ({@code @WebMvcTest}): its DRF-shaped 401 and 403
 * answers and its authorities mapper, with no token service or database. Requests carry their
 * user through {@code latchkeyUser(...)} or {@code @WithLatchkeyUser}. The application's own
 * filter chain applies when the test imports it; otherwise every request needs a user.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(LatchkeyTestAutoConfiguration.class)
public @interface AutoConfigureLatchkey {

}
