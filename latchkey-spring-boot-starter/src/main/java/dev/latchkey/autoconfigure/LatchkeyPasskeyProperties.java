package dev.latchkey.autoconfigure;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Passkeys (WebAuthn), on Spring Security's WebAuthn support.
 *
 * @param enabled whether users may register passkeys and sign in with them
 * @param rpId the relying party id: the site's registrable domain ({@code example.com}), or
 * {@code localhost} in development; a passkey works only for the id it was registered with
 * @param rpName the relying party's name, shown by some authenticators
 * @param allowedOrigins the origins of the pages that call WebAuthn
 * ({@code https://app.example.com}); an assertion from any other origin is refused
 * @param challengeLifetime how long a registration or sign-in ceremony may take
 */
@ConfigurationProperties("latchkey.passkeys")
public record LatchkeyPasskeyProperties(@DefaultValue("false") boolean enabled,
		@DefaultValue("localhost") String rpId, @DefaultValue("Latchkey") String rpName,
		@DefaultValue("http://localhost:8000") List<String> allowedOrigins,
		@DefaultValue("5m") Duration challengeLifetime) {
}
