package dev.latchkey.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server started by its {@code main} in a child JVM on the test class path, with a folder as
 * its working directory (so its default {@code ./data} is there), as an operator runs it; ready
 * once its readiness probe answers 200.
 */
final class ChildServer implements AutoCloseable {

	private final Process process;

	private final Path log;

	private final HttpApi api;

	private ChildServer(Process process, Path log, HttpApi api) {
		this.process = process;
		this.log = log;
		this.api = api;
	}

	/**
	 * @param directory the working directory
	 * @param name names the log file, {@code <name>.log} in the directory
	 * @param arguments more arguments for the server, after its port
	 */
	static ChildServer start(Path directory, String name, String... arguments) throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-cp", System.getProperty("java.class.path"), LatchkeyServerApplication.class.getName(),
				"--server.port=" + port));
		command.addAll(List.of(arguments));
		Path log = directory.resolve(name + ".log");
		Process process = new ProcessBuilder(command).directory(directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		ChildServer server = new ChildServer(process, log, new HttpApi(port));
		long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				if (server.api.send("GET", "/actuator/health/readiness", Map.of(), null).status() == 200) {
					return server;
				}
			}
			catch (UncheckedIOException ex) {
				// Not listening yet.
			}
			Thread.sleep(200);
		}
		server.close();
		throw new IllegalStateException("The server did not become ready: " + server.log());
	}

	HttpApi api() {
		return this.api;
	}

	/** Everything the server wrote so far. */
	String log() throws IOException {
		return Files.readString(this.log);
	}

	/** {@code kill -9}; true once the process is gone. */
	boolean kill() throws InterruptedException {
		this.process.destroyForcibly();
		return this.process.waitFor(30, TimeUnit.SECONDS);
	}

	@Override
	public void close() throws InterruptedException {
		kill();
	}

}
