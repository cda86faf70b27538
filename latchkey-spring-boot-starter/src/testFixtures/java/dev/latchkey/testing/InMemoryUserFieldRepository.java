package dev.latchkey.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.dao.DuplicateKeyException;

import dev.latchkey.user.UserFieldRepository;

/**
 * A {@link UserFieldRepository} in a map, with the contract of {@code JdbcUserFieldRepository}:
 * a field is stored once per user (saving it again is a duplicate key), and a user's fields come
 * back in name order.
 */
public final class InMemoryUserFieldRepository implements UserFieldRepository {

	private final Map<Long, Map<String, String>> fields = new ConcurrentHashMap<>();

	@Override
	public synchronized void save(long userId, Map<String, String> values) {
		Map<String, String> stored = this.fields.computeIfAbsent(userId, (id) -> new TreeMap<>());
		for (String name : values.keySet()) {
			if (stored.containsKey(name)) {
				throw new DuplicateKeyException("latchkey_user_field primary key: " + userId + ", " + name);
			}
		}
		stored.putAll(values);
	}

	@Override
	public synchronized Map<String, String> find(long userId) {
		return new LinkedHashMap<>(this.fields.getOrDefault(userId, Map.of()));
	}

}
