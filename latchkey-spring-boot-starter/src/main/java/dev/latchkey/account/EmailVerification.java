package dev.latchkey.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionOperations;

import dev.latchkey.mail.MailOutbox;
import dev.latchkey.mail.MailTemplates;
import dev.latchkey.user.EmailRules;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.User;
import dev.latchkey.user.UserRepository;

/**
 * allauth's email verification ({@code ACCOUNT_EMAIL_VERIFICATION}): a key sent by mail proves
 * the address. The key is {@code <id>-<secret>}; only the secret's SHA-256 is stored, compared in
 * constant time, used once, and expiring. Verifying an address that differs from the user's
 * current one (a change of email) makes it the user's address.
 */
public final class EmailVerification implements LoginCheck {

	static final String NOT_VERIFIED = "E-mail is not verified.";

	private static final Logger logger = LoggerFactory.getLogger(EmailVerification.class);

	private final EmailAddresses addresses;

	private final UserRepository users;

	private final AccountEmails emails;

	private final MailOutbox outbox;

	private final MailTemplates templates;

	private final RequestThrottle throttle;

	private final Executor executor;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Settings settings;

	public EmailVerification(EmailAddresses addresses, UserRepository users, AccountEmails emails, MailOutbox outbox,
			MailTemplates templates, RequestThrottle throttle, Executor executor, TransactionOperations transactions,
			Clock clock, Settings settings) {
		this.emails = emails;
		this.addresses = addresses;
		this.users = users;
		this.outbox = outbox;
		this.templates = templates;
		this.throttle = throttle;
		this.executor = executor;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	public EmailVerificationMode mode() {
		return this.settings.mode();
	}

	/**
	 * @throws dev.latchkey.user.InvalidFieldsException {@code "E-mail is not verified."} when
	 * verification is mandatory and the user's address is not verified
	 */
	@Override
	public void check(User user) {
		requireVerified(user);
	}

	public void requireVerified(User user) {
		if (this.settings.mode() == EmailVerificationMode.MANDATORY && !this.addresses.isVerified(user.id(), user.email())) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, NOT_VERIFIED);
		}
	}

	/** Queue a verification mail for {@code email}, unless verification is off or the address is blank. */
	public void send(User user, String email, Site site) {
		if (this.settings.mode() == EmailVerificationMode.NONE || email == null || email.isEmpty()) {
			return;
		}
		String secret = SecretTokens.generate();
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			long id = this.addresses.saveKey(user.id(), email, SecretTokens.hash(secret),
					now.plus(this.settings.keyLifetime()), now);
			String key = id + "-" + secret;
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("user", user.username());
			variables.put("user.username", user.username());
			variables.put("user.name", user.name());
			variables.put("user.email", email);
			variables.put("protocol", site.protocol());
			variables.put("domain", site.domain());
			variables.put("site_name", site.name());
			variables.put("key", key);
			variables.put("link", site.link(ResetLinks.path(this.settings.confirmPath(), "", key)));
			variables.put("activate_url", variables.get("link"));
			this.outbox.enqueue(this.templates.render("email_confirmation", email, variables), now);
		});
	}

	/**
	 * A signed-in user asks to change their address: with verification on, a new address is
	 * mailed a key and replaces the old one only once verified.
	 * @return the address to store now: {@code email} itself when verification is off or the
	 * address is unchanged (or blank), else {@code null} (keep the current one for now)
	 */
	public String changeEmail(User user, String email, Site site) {
		if (this.settings.mode() == EmailVerificationMode.NONE || email == null || email.isEmpty()
				|| email.equals(user.email()) || !EmailRules.isValid(email)) {
			return email;
		}
		send(user, email, site);
		return null;
	}

	/**
	 * dj-rest-auth's {@code VerifyEmailView}.
	 * @throws InvalidKeyException for a key that is unknown, used, replaced or expired
	 */
	public void verify(String key) {
		int dash = (key != null) ? key.indexOf('-') : -1;
		if (dash < 1 || !key.substring(0, dash).matches("[0-9]{1,18}")) {
			throw new InvalidKeyException();
		}
		String secret = key.substring(dash + 1);
		EmailAddresses.StoredAddress address = this.addresses.findById(Long.parseLong(key.substring(0, dash)))
			.filter((stored) -> stored.keyHash() != null && SecretTokens.matches(secret, stored.keyHash()))
			.filter((stored) -> stored.expiresAt().isAfter(this.clock.instant()))
			.orElseThrow(InvalidKeyException::new);
		Boolean verified = this.transactions.execute((status) -> {
			if (!this.addresses.markVerified(address.id(), address.keyHash())) {
				return false;
			}
			Optional<User> user = this.users.findById(address.userId());
			user.filter((found) -> !found.email().equals(address.email()))
				.ifPresent((found) -> this.users.updateProfile(found.id(), found.name(), address.email()));
			return true;
		});
		if (!Boolean.TRUE.equals(verified)) {
			throw new InvalidKeyException();
		}
	}

	/**
	 * dj-rest-auth's {@code ResendEmailVerificationView}: the same answer whether or not the
	 * address waits for verification; the work happens in the background.
	 * @throws dev.latchkey.throttle.ThrottledException past the limit for the client or the address
	 */
	public void resend(String email, Site site, String ip) {
		this.throttle.check(ip, email);
		this.executor.execute(() -> {
			try {
				for (EmailAddresses.StoredAddress address : this.addresses.findUnverified(email)) {
					this.users.findById(address.userId()).ifPresent((user) -> send(user, address.email(), site));
				}
				// Users whose current address never got a key (signed up before verification was on,
				// or through /auth/signup/).
				for (long userId : this.emails.activeUserIds(email)) {
					this.users.findById(userId)
						.filter((user) -> !this.addresses.isVerified(user.id(), user.email()))
						.filter((user) -> this.addresses.findUnverified(email).stream().noneMatch((a) -> a.userId() == user.id()))
						.ifPresent((user) -> send(user, user.email(), site));
				}
			}
			catch (RuntimeException ex) {
				logger.warn("Verification mail not queued: {}", ex.toString());
			}
		});
	}

	/**
	 * @param mode none, optional or mandatory
	 * @param keyLifetime how long a verification key works
	 * @param confirmPath path of the front end's verification page, with {@code {key}}
	 */
	public record Settings(EmailVerificationMode mode, Duration keyLifetime, String confirmPath) {

	}

}
