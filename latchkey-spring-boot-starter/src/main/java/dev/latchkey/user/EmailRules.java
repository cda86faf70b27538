package dev.latchkey.user;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Django's {@code EmailValidator}: a dot-atom or quoted local part, and a domain of labels with a
 * TLD (punycode allowed), an IP literal in brackets, or {@code localhost}.
 */
public final class EmailRules {

	public static final int MAX_LENGTH = 254;

	public static final String INVALID = "Enter a valid email address.";

	private static final Pattern USER = Pattern.compile(
			"[-!#$%&'*+/=?^_`{}|~0-9A-Z]+(\\.[-!#$%&'*+/=?^_`{}|~0-9A-Z]+)*"
					+ "|\"([\\x01-\\x08\\x0b\\x0c\\x0e-\\x1f!#-\\[\\]-\\x7f]|\\\\[\\x01-\\x09\\x0b\\x0c\\x0e-\\x7f])*\"",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern DOMAIN = Pattern.compile(
			"((?:[A-Z0-9](?:[A-Z0-9-]{0,61}[A-Z0-9])?\\.)+)(?:[A-Z0-9-]{2,63}(?<!-))", Pattern.CASE_INSENSITIVE);

	private static final Pattern LITERAL = Pattern.compile("\\[([A-F0-9:.]+)\\]", Pattern.CASE_INSENSITIVE);

	private EmailRules() {
	}

	/** Whether Django's {@code EmailValidator} would accept the address. */
	public static boolean isValid(String email) {
		if (email == null || email.length() > 320 || !email.contains("@") || email.endsWith("\n")) {
			return false;
		}
		int at = email.lastIndexOf('@');
		String user = email.substring(0, at);
		String domain = email.substring(at + 1);
		if (!USER.matcher(user).matches()) {
			return false;
		}
		if (domain.equals("localhost") || DOMAIN.matcher(domain).matches() || LITERAL.matcher(domain).matches()) {
			return true;
		}
		try {
			String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
			return DOMAIN.matcher(ascii).matches();
		}
		catch (IllegalArgumentException ex) {
			return false;
		}
	}

}
