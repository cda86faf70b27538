package dev.latchkey.test.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Import;

/**
 * Latchkey's security for a test slice, imported by {@link AutoConfigureLatchkey}; each bean
 * backs off when the test provides its own.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration")
@ConditionalOnMissingBean(type = "dev.latchkey.token.SessionStarter")
@Import(SliceSecurityConfiguration.class)
public final class LatchkeyTestAutoConfiguration {

}
