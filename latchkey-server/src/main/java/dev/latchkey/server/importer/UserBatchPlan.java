package dev.latchkey.server.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What to do with one batch of Django users, decided against the users Latchkey already has:
 * insert it, leave it (the same id with the same username is already there: a second run), or
 * report it without stopping the import (a conflict, or a row Latchkey cannot store).
 *
 * @param toInsert users to insert, ids kept
 * @param unchanged users already imported
 * @param conflicts one message per user whose id or username belongs to another Latchkey user
 * @param rejected one message per user whose values Latchkey's columns cannot hold
 */
record UserBatchPlan(List<DjangoUser> toInsert, int unchanged, List<String> conflicts, List<String> rejected) {

	static final int USERNAME_LENGTH = 150;

	static final int EMAIL_LENGTH = 254;

	static final int PASSWORD_LENGTH = 512;

	static UserBatchPlan of(List<DjangoUser> batch, List<JdbcLatchkeyUsers.StoredUser> stored) {
		Map<Long, String> usernameById = new HashMap<>();
		Map<String, Long> idByUsername = new HashMap<>();
		stored.forEach((user) -> {
			usernameById.put(user.id(), user.username());
			idByUsername.put(user.username(), user.id());
		});
		List<DjangoUser> toInsert = new ArrayList<>();
		List<String> conflicts = new ArrayList<>();
		List<String> rejected = new ArrayList<>();
		int unchanged = 0;
		for (DjangoUser user : batch) {
			String storedName = usernameById.get(user.id());
			Long storedId = idByUsername.get(user.username());
			String problem = problem(user);
			if (problem != null) {
				rejected.add(describe(user) + ": " + problem);
			}
			else if (storedName != null && storedName.equals(user.username())) {
				unchanged++;
			}
			else if (storedName != null) {
				conflicts.add(describe(user) + ": Latchkey's user " + user.id() + " is '" + storedName + "'");
			}
			else if (storedId != null) {
				conflicts.add(describe(user) + ": the username belongs to Latchkey's user " + storedId);
			}
			else {
				toInsert.add(user);
			}
		}
		return new UserBatchPlan(List.copyOf(toInsert), unchanged, List.copyOf(conflicts), List.copyOf(rejected));
	}

	/** Why Latchkey cannot store this row as it is, or {@code null}. */
	private static String problem(DjangoUser user) {
		if (user.username() == null || user.username().isEmpty()) {
			return "no username";
		}
		if (length(user.username()) > USERNAME_LENGTH) {
			return "username longer than " + USERNAME_LENGTH + " characters";
		}
		if (user.passwordHash() == null) {
			return "no password column value";
		}
		if (length(user.passwordHash()) > PASSWORD_LENGTH) {
			return "password hash longer than " + PASSWORD_LENGTH + " characters";
		}
		if (length(user.email()) > EMAIL_LENGTH) {
			return "email longer than " + EMAIL_LENGTH + " characters";
		}
		if (length(user.name()) > DjangoUser.NAME_LENGTH) {
			return "name longer than " + DjangoUser.NAME_LENGTH + " characters";
		}
		return null;
	}

	private static int length(String value) {
		return (value != null) ? value.codePointCount(0, value.length()) : 0;
	}

	private static String describe(DjangoUser user) {
		return "user " + user.id() + " '" + user.username() + "'";
	}

}
