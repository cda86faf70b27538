package dev.latchkey.server.importer;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.latchkey.server.importer.JdbcLatchkeyUsers.StoredUser;

import static org.assertj.core.api.Assertions.assertThat;

class UserBatchPlanTests {

	@Test
	void ofWhenNothingStoredThenEveryUserInserted() {
		UserBatchPlan plan = UserBatchPlan.of(List.of(user(1, "alice"), user(2, "bob")), List.of());

		assertThat(plan.toInsert()).extracting(DjangoUser::id).containsExactly(1L, 2L);
		assertThat(plan.unchanged()).isZero();
	}

	@Test
	void ofWhenSameIdAndUsernameStoredThenUnchanged() {
		UserBatchPlan plan = UserBatchPlan.of(List.of(user(1, "alice")), List.of(new StoredUser(1, "alice")));

		assertThat(plan.toInsert()).isEmpty();
		assertThat(plan.unchanged()).isEqualTo(1);
		assertThat(plan.conflicts()).isEmpty();
	}

	@Test
	void ofWhenIdOrUsernameIsAnotherUsersThenConflictsNamingBoth() {
		UserBatchPlan plan = UserBatchPlan.of(List.of(user(1, "alice"), user(2, "bob"), user(3, "carol")),
				List.of(new StoredUser(1, "mallory"), new StoredUser(7, "bob")));

		assertThat(plan.toInsert()).extracting(DjangoUser::username).containsExactly("carol");
		assertThat(plan.conflicts()).containsExactly("user 1 'alice': Latchkey's user 1 is 'mallory'",
				"user 2 'bob': the username belongs to Latchkey's user 7");
	}

	@Test
	void ofWhenValuesDoNotFitLatchkeysColumnsThenRejectedWithTheReason() {
		UserBatchPlan plan = UserBatchPlan.of(List.of(user(1, "a".repeat(151)), user(2, ""),
				new DjangoUser(3, "carol", "", "", null, true, false, false, null, null)), List.of());

		assertThat(plan.toInsert()).isEmpty();
		assertThat(plan.rejected()).containsExactly("user 1 '" + "a".repeat(151) + "': username longer than 150 characters",
				"user 2 '': no username", "user 3 'carol': no password column value");
	}

	@Test
	void fullNameWhenFirstAndLastNameThenJoinedBySpaceAndTrimmed() {
		assertThat(DjangoUser.fullName("Alice", "Kim")).isEqualTo("Alice Kim");
		assertThat(DjangoUser.fullName("Bob", "")).isEqualTo("Bob");
		assertThat(DjangoUser.fullName("", "")).isEmpty();
		// Cut to the 256 characters latchkey_user.name holds, never through a surrogate pair.
		assertThat(DjangoUser.fullName("\uD83D\uDE00".repeat(300), "x")).hasSize(512).endsWith("\uD83D\uDE00");
	}

	private static DjangoUser user(long id, String username) {
		return new DjangoUser(id, username, "", "", "pbkdf2_sha256$1$s$h", true, false, false, Instant.EPOCH, null);
	}

}
