package dev.latchkey.autoconfigure;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Second factors: TOTP (authenticator apps) with recovery codes.
 *
 * @param enabled whether users may enrol TOTP and logins of enrolled users ask for a code
 * @param encryptionKey the AES-256 key (32 bytes, base64) that encrypts TOTP secrets at rest and
 * keys the recovery codes' HMAC; separate from the token signing key and shared by every
 * instance. Required when enabled, unless {@code generate-encryption-key} is on
 * @param generateEncryptionKey without an {@code encryption-key}, generate one on first start and
 * keep it in the data directory ({@code mfa-encryption.key}, owner-only), as the standalone
 * server does; for one instance only
 * @param issuer the issuer shown by authenticator apps (the {@code otpauth://} label and issuer)
 * @param tokenLifetime how long the {@code mfa_token} between password and code stays valid
 */
@ConfigurationProperties("latchkey.mfa")
public record LatchkeyMfaProperties(@DefaultValue("false") boolean enabled, String encryptionKey,
		@DefaultValue("false") boolean generateEncryptionKey, @DefaultValue("Latchkey") String issuer,
		@DefaultValue("5m") Duration tokenLifetime) {

	@Override
	public String toString() {
		return "LatchkeyMfaProperties[enabled=" + this.enabled + ", encryptionKey=<redacted>, generateEncryptionKey="
				+ this.generateEncryptionKey + ", issuer=" + this.issuer + ", tokenLifetime=" + this.tokenLifetime + "]";
	}

}
