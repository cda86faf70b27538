package dev.latchkey.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that send their headers and then a body one byte at a time cannot take the request
 * threads (issue #13): beyond the per-address limit they are refused at once with 429, those
 * admitted are cut off with 400 when the body deadline passes, and the health probes are
 * answered throughout.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.datasource.url=jdbc:h2:mem:slowclients;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH",
				"latchkey.jwt.signing-key=slow-client-test-signing-key-0123456789abcdef",
				"latchkey.resilience.max-requests-per-address=4", "latchkey.resilience.body-read-timeout=1s" })
@Timeout(120)
class SlowClientIntegrationTests {

	private static final int SLOW_CLIENTS = 12;

	@LocalServerPort
	int port;

	@Test
	void slowBodiesWhenMoreThanTheLimitThenRefusedOrCutOffAndProbesAnswered() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(SLOW_CLIENTS);
		try {
			List<Future<String>> slow = new ArrayList<>();
			for (int i = 0; i < SLOW_CLIENTS; i++) {
				slow.add(pool.submit(this::trickleLogin));
			}
			Thread.sleep(300);
			HttpApi api = new HttpApi(this.port);
			for (String probe : List.of("/actuator/health/liveness", "/actuator/health/readiness")) {
				long start = System.nanoTime();
				HttpApi.Response response = api.send("GET", probe, java.util.Map.of(), null);
				assertThat(response.status()).isEqualTo(200);
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			}
			List<String> statusLines = new ArrayList<>();
			for (Future<String> future : slow) {
				statusLines.add(future.get(30, TimeUnit.SECONDS));
			}
			assertThat(statusLines).allMatch((line) -> line.startsWith("HTTP/1.1 429") || line.startsWith("HTTP/1.1 400"));
			assertThat(statusLines).filteredOn((line) -> line.startsWith("HTTP/1.1 429")).hasSizeGreaterThanOrEqualTo(SLOW_CLIENTS - 4);
			assertThat(statusLines).filteredOn((line) -> line.startsWith("HTTP/1.1 400")).isNotEmpty();
			assertThat(api.login("nobody", "Str0ng-Passw0rd!").status()).as("answered normally afterwards").isEqualTo(401);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Headers at once, then the body one byte every 200 ms; the first line of the answer. */
	private String trickleLogin() throws IOException {
		byte[] body = "{\"username\": \"someone\", \"password\": \"Str0ng-Passw0rd!\"}".getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			socket.setSoTimeout(25_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /api/token/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
					+ body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			for (byte b : body) {
				if (in.available() > 0) {
					break;
				}
				try {
					out.write(b);
					out.flush();
					Thread.sleep(200);
				}
				catch (IOException ex) {
					break;
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					break;
				}
			}
			StringBuilder line = new StringBuilder();
			for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
				line.append((char) c);
			}
			return line.toString();
		}
	}

}
