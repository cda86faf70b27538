package dev.latchkey.mfa;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import org.apache.commons.codec.binary.Base32;

import dev.latchkey.audit.AuditEvent;
import dev.latchkey.audit.AuditLog;
import dev.latchkey.password.PasswordHasher;
import dev.latchkey.throttle.LoginAttempt;
import dev.latchkey.throttle.LoginThrottle;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.token.ClientInfo;
import dev.latchkey.user.FieldErrors;
import dev.latchkey.user.SecondFactorRequirement;
import dev.latchkey.user.User;
import dev.latchkey.user.UserNotFoundException;
import dev.latchkey.user.UserRepository;
import dev.latchkey.user.UsernameRules;

/**
 * TOTP second factors and recovery codes: enrol, confirm, disable, regenerate the codes, and the
 * second step of a login. Every check of a code (or of the password that disabling also accepts)
 * goes through the login throttle exactly as a password does: reserved first (refused while
 * locked), a wrong one counted, a right one resetting the account's count.
 */
public final class SecondFactors implements SecondFactorRequirement {

	/** How many recovery codes a user gets. */
	public static final int RECOVERY_CODE_COUNT = 10;

	static final String INVALID_CODE = "Invalid code.";

	static final String INVALID_TOKEN = "Invalid or expired token.";

	private static final String CODE_ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";

	private final TotpSecrets secrets;

	private final RecoveryCodes recoveryCodes;

	private final MfaChallenges challenges;

	private final SecretCipher cipher;

	private final Totp totp = new Totp();

	private final LoginThrottle throttle;

	private final PasswordHasher passwords;

	private final UserRepository users;

	private final AuditLog audit;

	private final Clock clock;

	private final String issuer;

	private final SecureRandom random = new SecureRandom();

	public SecondFactors(TotpSecrets secrets, RecoveryCodes recoveryCodes, MfaChallenges challenges,
			SecretCipher cipher, LoginThrottle throttle, PasswordHasher passwords, UserRepository users,
			AuditLog audit, Clock clock, String issuer) {
		this.secrets = secrets;
		this.recoveryCodes = recoveryCodes;
		this.challenges = challenges;
		this.cipher = cipher;
		this.throttle = throttle;
		this.passwords = passwords;
		this.users = users;
		this.audit = audit;
		this.clock = clock;
		this.issuer = issuer;
	}

	/**
	 * A new TOTP secret for the user, pending until {@link #confirm} (a pending one is replaced).
	 *
	 * @param secret the secret in base32 (no padding), for typing in by hand
	 * @param otpauthUrl Google Authenticator's key URI, for the QR code
	 */
	public record Enrolment(String secret, String otpauthUrl) {
	}

	/** Whether a login of this user needs a second factor: a confirmed TOTP secret. */
	@Override
	public boolean isRequired(User user) {
		return this.secrets.isConfirmed(user.id());
	}

	public boolean isEnabled(long userId) {
		return this.secrets.isConfirmed(userId);
	}

	public int remainingRecoveryCodes(long userId) {
		return this.recoveryCodes.remaining(userId);
	}

	public Enrolment enrol(User user) {
		byte[] secret = new byte[20];
		this.random.nextBytes(secret);
		if (!this.secrets.savePending(user.id(), this.cipher.encrypt(secret, user.id()), this.clock.instant())) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, "Two-factor authentication is already enabled.");
		}
		String base32 = new Base32().encodeToString(secret).replace("=", "");
		return new Enrolment(base32, otpauthUrl(user.username(), base32));
	}

	private String otpauthUrl(String username, String base32) {
		String label = encode(this.issuer) + ":" + encode(username);
		return "otpauth://totp/" + label + "?secret=" + base32 + "&issuer=" + encode(this.issuer)
				+ "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * Confirm a pending secret with a first code: TOTP is on, and these are the recovery codes,
	 * shown once.
	 */
	public List<String> confirm(User user, String code, ClientInfo client) {
		TotpSecrets.Stored stored = this.secrets.find(user.id())
			.filter((s) -> !s.confirmed())
			.orElseThrow(() -> FieldErrors.single(FieldErrors.NON_FIELD_ERRORS,
					"There is no pending two-factor enrolment to confirm."));
		checked(user, client, () -> {
			OptionalLong step = this.totp.match(this.cipher.decrypt(stored.encryptedSecret(), user.id()), digits(code),
					this.clock.instant());
			return step.isPresent() && this.secrets.acceptStep(user.id(), step.getAsLong(), true, this.clock.instant());
		}, "code");
		return newRecoveryCodes(user.id());
	}

	/**
	 * Turn TOTP off (and delete the recovery codes), after the password or a code.
	 * @param password the password, or {@code null}
	 * @param code a TOTP or recovery code, or {@code null}
	 */
	public void disable(User user, String password, String code, ClientInfo client) {
		requireEnabled(user);
		proveSecondFactorOrPassword(user, password, code, client);
		this.secrets.delete(user.id());
		this.recoveryCodes.deleteAll(user.id());
	}

	/** New recovery codes (the old ones stop working), after the password or a code. */
	public List<String> regenerateRecoveryCodes(User user, String password, String code, ClientInfo client) {
		requireEnabled(user);
		proveSecondFactorOrPassword(user, password, code, client);
		return newRecoveryCodes(user.id());
	}

	/** The {@code mfa_token} for a user whose password was right. */
	public String startLogin(User user) {
		return this.challenges.issue(user.id(), this.clock.instant());
	}

	/**
	 * The second step of a login: the token from the first and a TOTP or recovery code.
	 * @return the user, and how they proved it
	 * @throws dev.latchkey.user.InvalidFieldsException for an unknown or expired token or a wrong code
	 * @throws ThrottledException while the account is locked
	 */
	public Completed completeLogin(String mfaToken, String code, ClientInfo client) {
		Instant now = this.clock.instant();
		long userId = this.challenges.find(mfaToken, now)
			.orElseThrow(() -> FieldErrors.single("mfa_token", INVALID_TOKEN));
		User user = this.users.findById(userId)
			.filter(User::active)
			.orElseThrow(() -> FieldErrors.single("mfa_token", INVALID_TOKEN));
		String method = checkCode(user, code, client);
		if (!this.challenges.consume(mfaToken)) {
			// Another request completed this login first.
			throw FieldErrors.single("mfa_token", INVALID_TOKEN);
		}
		this.audit.record(AuditEvent.LOGIN_SUCCEEDED, user.id(), client.ip(), client.userAgent(), "ok_" + method);
		return new Completed(user);
	}

	/**
	 * A login completed with a second factor.
	 *
	 * @param user the user
	 */
	public record Completed(User user) {

		/** The session's {@code amr}: the password and a one-time code (TOTP or recovery). */
		public List<String> amr() {
			return List.of("pwd", "otp");
		}

	}

	private void requireEnabled(User user) {
		if (!this.secrets.isConfirmed(user.id())) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, "Two-factor authentication is not enabled.");
		}
	}

	private void proveSecondFactorOrPassword(User user, String password, String code, ClientInfo client) {
		if (code != null && !code.isEmpty()) {
			checkCode(user, code, client);
			return;
		}
		if (password == null || password.isEmpty()) {
			throw FieldErrors.single(FieldErrors.NON_FIELD_ERRORS, "Give your password or a code.");
		}
		User current = this.users.findById(user.id()).orElseThrow(UserNotFoundException::new);
		checked(user, client, () -> this.passwords.matches(password, current.passwordHash()), "password");
	}

	/** Check a TOTP code (6 digits) or a recovery code; @return {@code totp} or {@code recovery}. */
	private String checkCode(User user, String code, ClientInfo client) {
		String digits = digits(code);
		boolean isTotp = digits.length() == Totp.DIGITS && digits.chars().allMatch(Character::isDigit);
		checked(user, client, () -> isTotp ? acceptTotp(user.id(), digits) : acceptRecoveryCode(user.id(), code), "code");
		return isTotp ? "totp" : "recovery";
	}

	private boolean acceptTotp(long userId, String digits) {
		TotpSecrets.Stored stored = this.secrets.find(userId).filter(TotpSecrets.Stored::confirmed).orElse(null);
		if (stored == null) {
			return false;
		}
		Instant now = this.clock.instant();
		OptionalLong step = this.totp.match(this.cipher.decrypt(stored.encryptedSecret(), userId), digits, now);
		// A step at or before the last accepted one is a replay: refused, and counted as a wrong code.
		return step.isPresent() && this.secrets.acceptStep(userId, step.getAsLong(), false, now);
	}

	private boolean acceptRecoveryCode(long userId, String code) {
		String normalized = normalizeRecoveryCode(code);
		if (normalized.length() != 16) {
			return false;
		}
		return this.recoveryCodes.use(userId, this.cipher.codeHash(normalized), this.clock.instant());
	}

	/** Reserve, check, settle: the lockout of passwords, shared. */
	private void checked(User user, ClientInfo client, java.util.function.BooleanSupplier check, String field) {
		LoginAttempt attempt;
		try {
			attempt = this.throttle.reserve(UsernameRules.normalize(user.username()), user.id(), client.ip());
		}
		catch (ThrottledException ex) {
			this.audit.record(AuditEvent.LOGIN_THROTTLED, user.id(), client.ip(), client.userAgent(), "throttled");
			throw ex;
		}
		boolean right;
		try {
			right = check.getAsBoolean();
		}
		catch (RuntimeException ex) {
			throw this.throttle.releaseAfter(attempt, ex);
		}
		if (right) {
			this.throttle.recordSuccess(attempt);
			return;
		}
		boolean locked = this.throttle.recordFailure(attempt);
		this.audit.record(AuditEvent.LOGIN_FAILED, user.id(), client.ip(), client.userAgent(), "bad_" + field);
		if (locked) {
			this.audit.record(AuditEvent.LOCKOUT, user.id(), client.ip(), client.userAgent(), "locked");
		}
		throw FieldErrors.single(field, field.equals("password") ? "Wrong password." : INVALID_CODE);
	}

	private List<String> newRecoveryCodes(long userId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODE_COUNT; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 16; c++) {
				code.append(CODE_ALPHABET.charAt(this.random.nextInt(CODE_ALPHABET.length())));
			}
			hashes.add(this.cipher.codeHash(code.toString()));
			codes.add(code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8, 12) + "-"
					+ code.substring(12));
		}
		this.recoveryCodes.replace(userId, hashes, this.clock.instant());
		return List.copyOf(codes);
	}

	private static String digits(String code) {
		return (code == null) ? "" : code.replace(" ", "").strip();
	}

	private static String normalizeRecoveryCode(String code) {
		return code.toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "").strip();
	}

}
