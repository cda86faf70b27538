package dev.latchkey.password;

/**
 * Every hashing thread is busy and the queue is full (or the wait ran out): the server is
 * overloaded by requests that hash, and refuses this one at once rather than let it time out.
 */
public class HashingBusyException extends RuntimeException {

	public HashingBusyException() {
		super("Service temporarily unavailable, try again later.", null, false, false);
	}

}
