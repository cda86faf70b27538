package dev.latchkey.user;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Sign-ups of one username in progress on this instance, so that concurrent sign-ups of a name
 * pay for one password hash, not one each: the first goes ahead, the others wait for its outcome
 * and are answered "already exists" when it stored the user, or go ahead themselves when it did
 * not. Across instances the database's unique constraint still settles the race.
 */
final class SignUpsInProgress {

	/** Longest a sign-up waits for a concurrent one of the same name before going ahead anyway. */
	private static final long MAX_WAIT_SECONDS = 30;

	private final ConcurrentHashMap<String, CompletableFuture<Boolean>> inProgress = new ConcurrentHashMap<>();

	/**
	 * Runs {@code signUp} unless a concurrent sign-up of the same name stores its user first.
	 * @param username the normalised username
	 * @param signUp hashes the password and stores the user
	 * @return what {@code signUp} returned
	 * @throws DuplicateUsernameException if a concurrent sign-up stored that username
	 */
	<T> T exclusively(String username, Supplier<T> signUp) {
		CompletableFuture<Boolean> mine = new CompletableFuture<>();
		CompletableFuture<Boolean> other;
		while ((other = this.inProgress.putIfAbsent(username, mine)) != null) {
			Boolean stored = outcome(other);
			if (stored == null) {
				// Waited long enough: go ahead; the unique constraint settles it.
				return signUp.get();
			}
			if (stored) {
				throw new DuplicateUsernameException(null);
			}
		}
		boolean stored = false;
		try {
			T result = signUp.get();
			stored = true;
			return result;
		}
		finally {
			this.inProgress.remove(username, mine);
			mine.complete(stored);
		}
	}

	/** Whether the other sign-up stored its user, or null when it took too long to tell. */
	private static Boolean outcome(CompletableFuture<Boolean> other) {
		try {
			return other.get(MAX_WAIT_SECONDS, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return null;
		}
		catch (ExecutionException | TimeoutException ex) {
			return null;
		}
	}

}
