package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * dj-rest-auth's {@code PasswordResetView}: the request is counted against the throttle, then
 * handed to a background executor, so the answer is the same, and takes the same time, whether
 * or not the address belongs to anyone. In the background, every active user with that address
 * and a usable password gets a new token (replacing any earlier one) and a mail, both written in
 * one transaction; the outbox sends the mail.
 */
public final class PasswordResetRequests {

	private static final Logger logger = LoggerFactory.getLogger(PasswordResetRequests.class);

	private final AccountEmails emails;

	private final UserRepository users;

	private final PasswordResetTokens tokens;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final RequestThrottle throttle;

	private final Executor executor;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Settings settings;

	public PasswordResetRequests(AccountEmails emails, UserRepository users, PasswordResetTokens tokens,
			MailOutbox outbox, MailTemplates templates, RequestThrottle throttle, Executor executor,
			TransactionOperations transactions, Clock clock, Settings settings) {
		this.emails = emails;
		this.users = users;
		this.tokens = tokens;
		this.outbox = outbox;
		this.templates = templates;
		this.throttle = throttle;
		this.executor = executor;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Ask for a reset mail.
	 * @throws dev.latchkey.throttle.ThrottledException past the limit for the address or the email
	 */
	public void request(String email, Site site, String ip) {
		this.throttle.check(ip, email);
		this.executor.execute(() -> issue(email, site));
	}

	private void issue(String email, Site site) {
		try {
			this.tokens.deleteExpired(this.clock.instant());
			for (long userId : this.emails.activeUserIds(email)) {
				this.users.findById(userId)
					.filter((user) -> !user.passwordHash().startsWith("!"))
					.ifPresent((user) -> issue(user, site));
			}
		}
		catch (RuntimeException ex) {
			logger.warn("Password reset mail not queued: {}", ex.toString());
		}
	}

	private void issue(User user, Site site) {
		String token = SecretTokens.generate();
		String uid = ResetLinks.uid(user.id());
		Instant now = this.clock.instant();
		String link = site.link(ResetLinks.path(this.settings.confirmPath(), uid, token));
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("user", user.username());
		variables.put("user.username", user.username());
		variables.put("user.name", user.name());
		variables.put("user.email", user.email());
		variables.put("protocol", site.protocol());
		variables.put("domain", site.domain());
		variables.put("site_name", site.name());
		variables.put("uid", uid);
		variables.put("token", token);
		variables.put("link", link);
		this.transactions.executeWithoutResult((status) -> {
			this.tokens.replace(user.id(), SecretTokens.hash(token), PasswordFingerprint.of(user.passwordHash()), now,
					now.plus(this.settings.timeout()));
			this.outbox.enqueue(this.templates.render("password_reset", user.email(), variables), now);
		});
	}

	/**
	 * @param timeout how long a reset token works (Django's PASSWORD_RESET_TIMEOUT)
	 * @param confirmPath path of the front end's reset page, with {@code {uid}} and {@code {token}}
	 */
	public record Settings(Duration timeout, String confirmPath) {

	}

}
