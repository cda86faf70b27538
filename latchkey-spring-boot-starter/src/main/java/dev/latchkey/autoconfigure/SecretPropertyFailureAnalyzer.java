package dev.latchkey.autoconfigure;

import java.util.Locale;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a rejected secret (a signing key, an HMAC secret, a password) without its value. Spring
 * Boot's own analyzer of {@link InvalidConfigurationPropertyValueException} prints the value as
 * found in the environment, which would put the secret into the start-up log; this one runs
 * first for those properties and names only the property, its origin stays unsaid too (it may
 * be the command line).
 */
final class SecretPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidConfigurationPropertyValueException>
		implements Ordered {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidConfigurationPropertyValueException cause) {
		if (!isSecret(cause.getName())) {
			return null;
		}
		String description = "Invalid value for configuration property '" + cause.getName()
				+ "' (the value is secret and not shown)."
				+ ((cause.getReason() != null) ? " Validation failed for the following reason:\n\n" + cause.getReason() : "");
		return new FailureAnalysis(description, "Review the value of the property with the provided reason.", cause);
	}

	static boolean isSecret(String name) {
		String lower = name.toLowerCase(Locale.ROOT);
		return lower.contains("signing-key") || lower.contains("secret") || lower.contains("password")
				|| lower.equals("latchkey.jwt.keys") || lower.startsWith("latchkey.jwt.keys[");
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
