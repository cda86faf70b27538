package dev.latchkey.password;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A thread of the {@link HashingPool}. It keeps Argon2's memory blocks from one hash to the next
 * (so a hash allocates kilobytes, not 19 MiB of garbage), and on Linux it may lower its own
 * scheduling priority, so that on a busy machine the request threads that do not hash are
 * scheduled before it while an idle core still hashes at full speed.
 */
final class HashingThread extends Thread {

	private static final Logger logger = LoggerFactory.getLogger(HashingThread.class);

	private final int niceness;

	private final int argon2Blocks;

	private Argon2BytesGenerator.BlockPool blockPool;

	/**
	 * @param task what the thread runs
	 * @param name the thread's name
	 * @param niceness Linux niceness to take on start (1 to 19), or 0 to keep the JVM's
	 * @param current Argon2 parameters of new hashes, which size the kept blocks
	 */
	HashingThread(Runnable task, String name, int niceness, Argon2Parameters current) {
		super(task, name);
		this.niceness = niceness;
		this.argon2Blocks = Argon2BytesGenerator.getBlockCount(current.memoryKib(), current.parallelism());
		setDaemon(true);
	}

	@Override
	public void run() {
		if (this.niceness > 0) {
			lowerPriority();
		}
		super.run();
	}

	/**
	 * Blocks kept by this thread for Argon2 at the current parameters; a hash with a larger memory
	 * cost allocates the rest for itself.
	 */
	Argon2BytesGenerator.BlockPool argon2BlockPool() {
		if (this.blockPool == null) {
			this.blockPool = new Argon2BytesGenerator.FixedBlockPool(this.argon2Blocks);
		}
		return this.blockPool;
	}

	/** The blocks of the calling thread when it is a hashing thread, else null (fresh blocks). */
	static Argon2BytesGenerator.BlockPool currentBlockPool() {
		return (Thread.currentThread() instanceof HashingThread thread) ? thread.argon2BlockPool() : null;
	}

	/**
	 * Java has no portable per-thread priority, but Linux applies {@code setpriority} to a single
	 * thread when given its id, and lowering one's own priority needs no privilege. The id is read
	 * from {@code /proc/thread-self}; {@code renice} (util-linux) applies the niceness. Anything
	 * missing leaves the thread at normal priority, which is only slower for the other requests.
	 */
	private void lowerPriority() {
		try {
			Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
			String threadId = self.getFileName().toString();
			Process renice = new ProcessBuilder("renice", "-n", Integer.toString(this.niceness), "-p", threadId)
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			if (!renice.waitFor(5, TimeUnit.SECONDS)) {
				renice.destroyForcibly();
				logger.debug("renice did not finish; {} keeps its priority", getName());
			}
			else if (renice.exitValue() != 0) {
				logger.debug("renice failed ({}); {} keeps its priority", renice.exitValue(), getName());
			}
		}
		catch (IOException | UnsupportedOperationException | SecurityException ex) {
			logger.debug("Cannot lower the priority of {}: {}", getName(), ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
