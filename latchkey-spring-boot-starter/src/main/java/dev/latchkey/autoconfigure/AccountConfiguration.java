package dev.latchkey.autoconfigure;

import java.time.Clock;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.account.AccountBackgroundQueue;
import dev.latchkey.account.AccountEmails;
import dev.latchkey.account.AccountRegistration;
import dev.latchkey.account.EmailAddresses;
import dev.latchkey.account.EmailLogin;
import dev.latchkey.account.EmailVerification;
import dev.latchkey.account.Invitations;
import dev.latchkey.account.JdbcEmailAddresses;
import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.account.JdbcPasswordResetTokens;
import dev.latchkey.account.PasswordResetConfirmation;
import dev.latchkey.account.PasswordResetRequests;
import dev.latchkey.account.PasswordResetTokens;
import dev.latchkey.account.RequestThrottle;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.password.PasswordPolicy;
import dev.latchkey.throttle.AttemptRepository;
import dev.latchkey.token.UserSessions;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.Registration;
import dev.latchkey.user.UserRepository;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

	private static final int QUEUE_CAPACITY = 1000;

	@Bean
	@ConditionalOnMissingBean
	AccountEmails latchkeyAccountEmails(DataSource dataSource, LatchkeySchema schema) {
		return new AccountEmails(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordResetTokens latchkeyPasswordResetTokens(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcPasswordResetTokens(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	AccountBackgroundQueue latchkeyAccountBackgroundQueue() {
		return new AccountBackgroundQueue(QUEUE_CAPACITY);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordResetRequests latchkeyPasswordResetRequests(AccountEmails emails, UserRepository users,
			PasswordResetTokens tokens, MailOutbox outbox, MailTemplates templates, AttemptRepository attempts,
			AccountBackgroundQueue queue, TransactionOperations latchkeyTransactions, Clock clock,
			LatchkeyAccountProperties properties) {
		if (properties.resetsPerEmail() < 1 || properties.resetsPerAddress() < 1) {
			throw new InvalidConfigurationPropertyValueException("latchkey.account.resets-per-email",
					properties.resetsPerEmail(), "both reset limits must be at least 1");
		}
		RequestThrottle throttle = new RequestThrottle(attempts, "reset", properties.resetsPerEmail(),
				properties.resetsPerAddress(), properties.resetWindow(), clock);
		return new PasswordResetRequests(emails, users, tokens, outbox, templates, throttle, queue::execute,
				latchkeyTransactions, clock, new PasswordResetRequests.Settings(properties.passwordResetTimeout(),
						properties.passwordResetConfirmPath()));
	}

	@Bean
	@ConditionalOnMissingBean
	EmailAddresses latchkeyEmailAddresses(DataSource dataSource, LatchkeySchema schema) {
		return new JdbcEmailAddresses(JdbcClient.create(dataSource));
	}

	@Bean
	@ConditionalOnMissingBean
	EmailVerification latchkeyEmailVerification(EmailAddresses addresses, UserRepository users, AccountEmails emails,
			MailOutbox outbox,
			MailTemplates templates, AttemptRepository attempts, AccountBackgroundQueue queue,
			TransactionOperations latchkeyTransactions, Clock clock, LatchkeyAccountProperties properties) {
		RequestThrottle throttle = new RequestThrottle(attempts, "verify", properties.resetsPerEmail(),
				properties.resetsPerAddress(), properties.resetWindow(), clock);
		return new EmailVerification(addresses, users, emails, outbox, templates, throttle, queue::execute,
				latchkeyTransactions, clock, new EmailVerification.Settings(properties.emailVerification(),
						properties.emailConfirmationExpiry(), properties.emailConfirmationPath()));
	}

	@Bean
	@ConditionalOnMissingBean
	EmailLogin latchkeyEmailLogin(PasswordLogin logins, AccountEmails emails, UserRepository users,
			ObjectProvider<LoginCheck> checks) {
		return new EmailLogin(logins, emails, users, checks.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	SignUpPolicy latchkeySignUpPolicy(DataSource dataSource, LatchkeySchema schema, MailOutbox outbox,
			MailTemplates templates, TransactionOperations latchkeyTransactions, Clock clock,
			LatchkeyAccountProperties properties) {
		return new SignUpPolicy(properties.signUp(), new Invitations(JdbcClient.create(dataSource)), outbox, templates,
				latchkeyTransactions, clock, properties.invitationLifetime(), properties.invitationPath());
	}

	@Bean
	@ConditionalOnMissingBean
	AccountRegistration latchkeyAccountRegistration(Registration registration, AccountEmails emails,
			EmailVerification verification, SignUpPolicy policy, LatchkeyAccountProperties properties) {
		return new AccountRegistration(registration, emails, verification, policy, properties.isEmailUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordResetConfirmation latchkeyPasswordResetConfirmation(UserRepository users, PasswordResetTokens tokens,
			PasswordHasher passwordHasher, PasswordPolicy passwordPolicy, UserSessions sessions,
			TransactionOperations latchkeyTransactions, Clock clock, AuditLog audit) {
		return new PasswordResetConfirmation(users, tokens, passwordHasher, passwordPolicy, sessions,
				latchkeyTransactions, clock, audit);
	}

}
