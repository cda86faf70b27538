package dev.latchkey.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Reads {@code TIMESTAMP WITH TIME ZONE} columns the same way on H2 and PostgreSQL (H2 keeps the
 * offset it was given, PostgreSQL normalises to UTC: only the instant is compared).
 */
public final class JdbcInstants {

	private JdbcInstants() {
	}

	public static Instant read(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

}
