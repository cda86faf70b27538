package dev.latchkey.autoconfigure;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import dev.latchkey.account.EmailVerificationMode;
import dev.latchkey.account.SignUpMode;

/**
 * Configuration properties for account recovery and dj-rest-auth's routes (allauth's
 * {@code ACCOUNT_*} and dj-rest-auth's {@code REST_AUTH} settings).
 *
 * @param siteUrl public URL of the front end, the base of every link sent by mail; when not set,
 * only a loopback request host (a developer's machine) is used, anything else becomes
 * {@code http://localhost}
 * @param siteName name of the site in mail ({@code site_name})
 * @param passwordResetTimeout how long a password-reset link works (Django's
 * PASSWORD_RESET_TIMEOUT, 3 days)
 * @param passwordResetConfirmPath path of the front end's page that sets the new password, with
 * {@code {uid}} and {@code {token}}
 * @param resetsPerEmail most reset mails asked for one email address per reset-window
 * @param resetsPerAddress most reset mails asked from one client address per reset-window
 * @param resetWindow window of the two reset limits
 * @param returnExpiration whether {@code /auth/login/} and {@code /auth/registration/} also answer
 * {@code access_expiration} and {@code refresh_expiration} (dj-rest-auth's
 * JWT_AUTH_RETURN_EXPIRATION)
 * @param emailVerification whether sign-up sends a verification mail, and whether login waits
 * for it (allauth's ACCOUNT_EMAIL_VERIFICATION; allauth's default is optional)
 * @param emailConfirmationExpiry how long a verification link works (allauth's
 * ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS)
 * @param emailConfirmationPath path of the front end's verification page, with {@code {key}}
 * @param uniqueEmail whether two users may not share an address, ignoring case (allauth's
 * ACCOUNT_UNIQUE_EMAIL); when not set, on exactly when verification is mandatory
 * @param signUp who may sign up: open, invite (a superuser's invitation for the address) or
 * closed (allauth's is_open_for_signup)
 * @param invitationLifetime how long an invitation works
 * @param invitationPath path of the front end's sign-up page for invitees, with {@code {key}}
 */
@ConfigurationProperties("latchkey.account")
public record LatchkeyAccountProperties(URI siteUrl, @DefaultValue("Latchkey") String siteName,
		@DefaultValue("1h") Duration passwordResetTimeout,
		@DefaultValue("/#/password-reset/confirm/{uid}/{token}/") String passwordResetConfirmPath,
		@DefaultValue("5") int resetsPerEmail, @DefaultValue("20") int resetsPerAddress,
		@DefaultValue("1h") Duration resetWindow, @DefaultValue("false") boolean returnExpiration,
		@DefaultValue("none") EmailVerificationMode emailVerification,
		@DefaultValue("3d") Duration emailConfirmationExpiry,
		@DefaultValue("/#/verify-email/{key}/") String emailConfirmationPath, Boolean uniqueEmail,
		@DefaultValue("open") SignUpMode signUp, @DefaultValue("7d") Duration invitationLifetime,
		@DefaultValue("/#/sign-up/{key}/") String invitationPath) {

	/** Whether addresses must be unique: as set, else when verification is mandatory. */
	public boolean isEmailUnique() {
		return (this.uniqueEmail != null) ? this.uniqueEmail : this.emailVerification == EmailVerificationMode.MANDATORY;
	}

}
