package dev.latchkey.user;

import java.util.List;

import javax.sql.DataSource;

import org.springframework.jdbc.core.simple.JdbcClient;

/** {@link UserDirectory} on Latchkey's {@code latchkey_user} table. */
public final class JdbcUserDirectory implements UserDirectory {

	private static final String SEARCH = "SELECT " + JdbcUserRepository.COLUMNS + " FROM latchkey_user"
			+ " WHERE LOWER(username) LIKE :pattern ESCAPE '\\' OR LOWER(name) LIKE :pattern ESCAPE '\\'"
			+ " OR LOWER(email) LIKE :pattern ESCAPE '\\' ORDER BY id LIMIT :limit";

	private static final String SET_ACTIVE = "UPDATE latchkey_user SET is_active = :active WHERE id = :id";

	private final JdbcClient jdbc;

	public JdbcUserDirectory(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	@Override
	public List<User> search(String query, int limit) {
		String escaped = query.strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return this.jdbc.sql(SEARCH)
			.param("pattern", "%" + escaped + "%")
			.param("limit", limit)
			.query(JdbcUserRepository::mapRow)
			.list();
	}

	@Override
	public boolean setActive(long id, boolean active) {
		return this.jdbc.sql(SET_ACTIVE).param("active", active).param("id", id).update() == 1;
	}

}
