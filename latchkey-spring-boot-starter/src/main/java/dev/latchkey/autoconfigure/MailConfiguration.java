package dev.latchkey.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;

import dev.latchkey.mail.EmlFileTransport;
import dev.latchkey.mail.JavaMailTransport;
import dev.latchkey.mail.JdbcMailOutbox;
import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.mail.MailTransport;
import dev.latchkey.mail.OutboxSender;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MailOutbox latchkeyMailOutbox(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcMailOutbox(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	MailTemplates latchkeyMailTemplates(ResourceLoader resourceLoader, LatchkeyMailProperties properties) {
		return new MailTemplates(resourceLoader, properties.templateLocation());
	}

	/**
	 * SMTP when Spring Boot configured a mail sender ({@code spring.mail.host}), else an
	 * {@code .eml} file per message when {@code latchkey.mail.file-directory} is set, else nothing
	 * leaves: messages wait in the outbox.
	 */
	@Bean
	@ConditionalOnMissingBean
	MailTransport latchkeyMailTransport(ObjectProvider<JavaMailSender> mailSender, LatchkeyMailProperties properties) {
		JavaMailSender sender = mailSender.getIfUnique();
		if (sender != null) {
			return new JavaMailTransport(sender, properties.from());
		}
		if (properties.fileDirectory() != null) {
			return new EmlFileTransport(properties.fileDirectory(), properties.from());
		}
		return (message) -> {
			throw new IllegalStateException("No mail server: set spring.mail.host or latchkey.mail.file-directory");
		};
	}

	@Bean
	@ConditionalOnMissingBean
	OutboxSender latchkeyOutboxSender(MailOutbox outbox, MailTransport transport, Clock clock,
			LatchkeyMailProperties properties) {
		try {
			return new OutboxSender(outbox, transport, clock, new OutboxSender.Settings(properties.initialBackoff(),
					properties.maximumBackoff(), properties.lease(), properties.batchSize()));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidConfigurationPropertyValueException("latchkey.mail", properties, ex.getMessage());
		}
	}

	@Bean
	MailOutboxWorker latchkeyMailOutboxWorker(OutboxSender sender, LatchkeyMailProperties properties) {
		return new MailOutboxWorker(sender, properties.pollInterval());
	}

}
