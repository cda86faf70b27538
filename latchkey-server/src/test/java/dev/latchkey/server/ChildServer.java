package dev.latchkey.server;

import java.io.File;
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
	 * The server on the test class path.
	 * @param directory the working directory
	 * @param name names the log file, {@code <name>.log} in the directory
	 * @param arguments more arguments for the server, after its port
	 */
	static ChildServer start(Path directory, String name, String... arguments) throws IOException, InterruptedException {
		return start(System.getProperty("java.class.path"), directory, name, arguments);
	}

	/**
	 * The server on the class path it runs on outside the tests: its classes and its runtime
	 * dependencies ({@code target/runtime.classpath}, written by Maven before the tests).
	 */
	static ChildServer startOnRuntimeClassPath(Path directory, String name, String... arguments)
			throws IOException, InterruptedException {
		String dependencies = Files.readString(Path.of("target", "runtime.classpath")).strip();
		String classPath = Path.of("target", "classes").toAbsolutePath() + File.pathSeparator + dependencies;
		return start(classPath, directory, name, arguments);
	}

	private static ChildServer start(String classPath, Path directory, String name, String... arguments)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx192m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
				"-cp", classPath, LatchkeyServerApplication.class.getName(),
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
