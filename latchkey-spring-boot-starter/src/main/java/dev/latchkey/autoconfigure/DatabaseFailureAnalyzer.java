package dev.latchkey.autoconfigure;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

import dev.latchkey.database.DatabaseFailures;
import dev.latchkey.database.ReadOnlyDatabaseException;

/**
 * Turns a start-up that failed on the database (unreachable, silent, timed out, read only) into
 * Spring Boot's short failure report: one line naming the database and the innermost cause,
 * instead of the whole chain of bean-creation exceptions. The URL is shown without its
 * parameters, which may hold a password.
 */
final class DatabaseFailureAnalyzer implements FailureAnalyzer, Ordered {

	private final Environment environment;

	DatabaseFailureAnalyzer(Environment environment) {
		this.environment = environment;
	}

	@Override
	public FailureAnalysis analyze(Throwable failure) {
		String database = database();
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof ReadOnlyDatabaseException) {
				return new FailureAnalysis("Latchkey cannot write to its database " + database + ": " + cause.getMessage(),
						"Make the database writable, or point spring.datasource.url at one that is.", cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		if (!DatabaseFailures.isUnavailable(failure)) {
			return null;
		}
		return new FailureAnalysis("Latchkey cannot reach its database " + database + ": " + rootMessage(failure),
				"Check that the database is running and reachable, and spring.datasource.url, username and password.",
				failure);
	}

	private String database() {
		String url = (this.environment != null) ? this.environment.getProperty("spring.datasource.url") : null;
		if (url == null) {
			return "(spring.datasource.url not set)";
		}
		int parameters = indexOfAny(url, '?', ';');
		int credentials = url.indexOf('@');
		String shown = (parameters >= 0) ? url.substring(0, parameters) : url;
		if (credentials >= 0 && credentials < shown.length()) {
			// jdbc:postgresql://user:secret@host/db: keep the scheme, drop who and with what.
			int scheme = shown.indexOf("//");
			shown = ((scheme >= 0) ? shown.substring(0, scheme + 2) : "") + shown.substring(credentials + 1);
		}
		return shown;
	}

	private static int indexOfAny(String text, char first, char second) {
		int a = text.indexOf(first);
		int b = text.indexOf(second);
		return (a < 0) ? b : (b < 0) ? a : Math.min(a, b);
	}

	private static String rootMessage(Throwable failure) {
		Throwable root = failure;
		for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
			root = root.getCause();
		}
		String message = (root.getMessage() != null) ? root.getMessage().strip().replaceAll("\\s+", " ") : "";
		return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
