package dev.latchkey.user;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link UserFieldRepository} on the {@code latchkey_user_field} table.
 */
public final class JdbcUserFieldRepository implements UserFieldRepository {

	private static final String INSERT = "INSERT INTO latchkey_user_field (user_id, field_name, field_value) VALUES (:userId, :name, :value)";

	private static final String FIND = "SELECT field_name, field_value FROM latchkey_user_field WHERE user_id = :userId ORDER BY field_name";

	private final JdbcClient jdbc;

	public JdbcUserFieldRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void save(long userId, Map<String, String> fields) {
		fields.forEach((name, value) -> this.jdbc.sql(INSERT)
			.param("userId", userId)
			.param("name", name)
			.param("value", value)
			.update());
	}

	@Override
	public Map<String, String> find(long userId) {
		Map<String, String> fields = new LinkedHashMap<>();
		this.jdbc.sql(FIND).param("userId", userId).query((rs) -> {
			fields.put(rs.getString("field_name"), rs.getString("field_value"));
		});
		return fields;
	}

}
