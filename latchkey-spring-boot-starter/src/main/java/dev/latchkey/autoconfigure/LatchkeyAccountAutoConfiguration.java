package dev.latchkey.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;

import dev.latchkey.user.UserRepository;

/**
 * Auto-configuration of account recovery on top of {@link LatchkeyAutoConfiguration}: the mail
 * outbox and its sender, password reset, and dj-rest-auth's login and registration routes.
 */
@AutoConfiguration(after = LatchkeyAutoConfiguration.class,
		afterName = "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration")
@ConditionalOnBean(UserRepository.class)
@EnableConfigurationProperties({ LatchkeyMailProperties.class, LatchkeyAccountProperties.class })
@Import({ MailConfiguration.class, AccountConfiguration.class, AccountWebConfiguration.class })
public final class LatchkeyAccountAutoConfiguration {

}
