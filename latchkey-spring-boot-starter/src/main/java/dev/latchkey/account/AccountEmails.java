package dev.latchkey.account;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Finds users by email address, case-insensitively, as Django's {@code email__iexact}.
 */
public final class AccountEmails {

	private static final String ACTIVE_USER_IDS = """
			SELECT id FROM latchkey_user WHERE LOWER(email) = LOWER(:email) AND is_active = TRUE ORDER BY id""";

	private static final String TAKEN = """
			SELECT COUNT(*) FROM latchkey_user WHERE LOWER(email) = LOWER(:email) AND id <> :exceptId""";

	private final JdbcClient jdbc;

	public AccountEmails(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The ids of the active users with this address, oldest first. */
	public List<Long> activeUserIds(String email) {
		return this.jdbc.sql(ACTIVE_USER_IDS).param("email", email).query(Long.class).list();
	}

	/** Whether another user than {@code exceptId} has this address. */
	public boolean isTaken(String email, long exceptId) {
		return this.jdbc.sql(TAKEN).param("email", email).param("exceptId", exceptId).query(Long.class).single() > 0;
	}

}
