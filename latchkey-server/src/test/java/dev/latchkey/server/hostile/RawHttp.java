package dev.latchkey.server.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately dumb HTTP/1.1 client over a plain socket, so the hostile tests can send what
 * {@code java.net.http.HttpClient} refuses to: control bytes and invalid UTF-8 in headers, garbage
 * {@code Content-Type} values, duplicate headers, lying {@code Content-Length}, malformed chunking,
 * unknown methods, raw request targets. One request per connection ({@code Connection: close}); the
 * request is written on its own thread so that a server answering early (413, 400 for a header that
 * is too large) and closing never blocks the test.
 */
final class RawHttp {

	private final int port;

	RawHttp(int port) {
		this.port = port;
	}

	Response send(Request request) {
		return exchange(request.toBytes(this.port));
	}

	/** Send bytes exactly as given (the caller writes the whole request, including its line ends). */
	Response exchange(byte[] bytes) {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", this.port), 5_000);
			socket.setSoTimeout(20_000);
			OutputStream out = socket.getOutputStream();
			Thread writer = new Thread(() -> {
				try {
					out.write(bytes);
					out.flush();
				}
				catch (IOException ex) {
					// The server answered and closed before taking everything: the answer is what counts.
				}
			}, "raw-http-writer");
			writer.setDaemon(true);
			writer.start();
			byte[] raw = readAll(socket.getInputStream());
			return Response.parse(raw);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Read until the answer is complete (by its Content-Length or final chunk), or the server
	 * closes: a server still swallowing a body it refused may keep the connection open.
	 */
	private static byte[] readAll(InputStream in) throws IOException {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();
		byte[] chunk = new byte[8192];
		try {
			int n;
			while ((n = in.read(chunk)) >= 0) {
				buffer.write(chunk, 0, n);
				if (Response.isComplete(buffer.toByteArray())) {
					break;
				}
			}
		}
		catch (SocketTimeoutException ex) {
			throw new IOException("No complete answer within 20 s; got " + buffer.size() + " bytes: "
					+ new String(buffer.toByteArray(), StandardCharsets.ISO_8859_1), ex);
		}
		catch (IOException ex) {
			// Connection reset after the answer: keep what arrived.
			if (buffer.size() == 0) {
				throw ex;
			}
		}
		return buffer.toByteArray();
	}

	/** A request to build; header values may hold any char (written as ISO-8859-1, else UTF-8). */
	static final class Request {

		private final String method;

		private final String target;

		private final List<byte[]> headerLines = new ArrayList<>();

		private byte[] body;

		private boolean chunked;

		private boolean contentLengthGiven;

		private Request(String method, String target) {
			this.method = method;
			this.target = target;
		}

		static Request of(String method, String target) {
			return new Request(method, target);
		}

		static Request json(String method, String target, String json) {
			return of(method, target).header("Content-Type", "application/json").body(json);
		}

		static Request json(String method, String target, byte[] json) {
			return of(method, target).header("Content-Type", "application/json").body(json);
		}

		Request header(String name, String value) {
			if (name.equalsIgnoreCase("Content-Length")) {
				this.contentLengthGiven = true;
			}
			this.headerLines.add((name + ": " + value).getBytes(encodingFor(value)));
			return this;
		}

		/** A header line given byte for byte (without its CRLF). */
		Request rawHeaderLine(byte[] line) {
			this.headerLines.add(line);
			return this;
		}

		Request body(String text) {
			return body(text.getBytes(StandardCharsets.UTF_8));
		}

		Request body(byte[] bytes) {
			this.body = bytes;
			return this;
		}

		/** Send the body with {@code Transfer-Encoding: chunked} (no length known up front). */
		Request chunked() {
			this.chunked = true;
			return this;
		}

		byte[] toBytes(int port) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			write(out, (this.method + " " + this.target + " HTTP/1.1\r\n").getBytes(encodingFor(this.target)));
			write(out, ("Host: localhost:" + port + "\r\n").getBytes(StandardCharsets.US_ASCII));
			for (byte[] line : this.headerLines) {
				write(out, line);
				write(out, new byte[] { '\r', '\n' });
			}
			if (this.body != null && this.chunked) {
				write(out, "Transfer-Encoding: chunked\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else if (this.body != null && !this.contentLengthGiven) {
				write(out, ("Content-Length: " + this.body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
			}
			write(out, "Connection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			if (this.body != null && this.chunked) {
				int chunkSize = 4096;
				for (int i = 0; i < this.body.length; i += chunkSize) {
					int n = Math.min(chunkSize, this.body.length - i);
					write(out, (Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
					out.write(this.body, i, n);
					write(out, new byte[] { '\r', '\n' });
				}
				write(out, "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			}
			else if (this.body != null) {
				write(out, this.body);
			}
			return out.toByteArray();
		}

		private static java.nio.charset.Charset encodingFor(String text) {
			return text.chars().allMatch((c) -> c <= 0xFF) ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
		}

		private static void write(ByteArrayOutputStream out, byte[] bytes) {
			out.write(bytes, 0, bytes.length);
		}

		@Override
		public String toString() {
			return this.method + " " + this.target;
		}

	}

	/**
	 * An answer: status, headers by lower-case name, and the body (de-chunked).
	 */
	record Response(int status, String statusLine, Map<String, List<String>> headers, byte[] rawBody) {

		static Response parse(byte[] raw) {
			int end = indexOf(raw, new byte[] { '\r', '\n', '\r', '\n' }, 0);
			if (end < 0) {
				throw new IllegalStateException("Not an HTTP answer (" + raw.length + " bytes): "
						+ new String(raw, 0, Math.min(raw.length, 300), StandardCharsets.ISO_8859_1));
			}
			String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
			String[] lines = head.split("\r\n");
			String statusLine = lines[0];
			String[] statusParts = statusLine.split(" ", 3);
			int status = Integer.parseInt(statusParts[1]);
			Map<String, List<String>> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				if (colon > 0) {
					headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), (k) -> new ArrayList<>())
						.add(lines[i].substring(colon + 1).trim());
				}
			}
			byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
			List<String> transferEncoding = headers.getOrDefault("transfer-encoding", List.of());
			if (transferEncoding.stream().anyMatch((v) -> v.equalsIgnoreCase("chunked"))) {
				body = dechunk(body);
			}
			else if (headers.containsKey("content-length")) {
				int length = Integer.parseInt(headers.get("content-length").get(0));
				body = Arrays.copyOf(body, Math.min(length, body.length));
			}
			return new Response(status, statusLine, headers, body);
		}

		/** Whether these bytes hold a whole answer: head, and a body of the announced length or its last chunk. */
		static boolean isComplete(byte[] raw) {
			int end = indexOf(raw, new byte[] { '\r', '\n', '\r', '\n' }, 0);
			if (end < 0) {
				return false;
			}
			String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
			int bodyLength = raw.length - end - 4;
			for (String line : head.split("\r\n")) {
				if (line.startsWith("content-length:")) {
					return bodyLength >= Integer.parseInt(line.substring("content-length:".length()).trim());
				}
				if (line.startsWith("transfer-encoding:") && line.contains("chunked")) {
					return indexOf(raw, new byte[] { '\r', '\n', '0', '\r', '\n', '\r', '\n' }, end) >= 0
							|| indexOf(raw, new byte[] { '0', '\r', '\n', '\r', '\n' }, end + 4) == end + 4;
				}
			}
			String status = head.split(" ", 3).length > 1 ? head.split(" ", 3)[1] : "";
			return status.equals("204") || status.equals("304");
		}

		private static byte[] dechunk(byte[] chunked) {
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			int position = 0;
			while (position < chunked.length) {
				int lineEnd = indexOf(chunked, new byte[] { '\r', '\n' }, position);
				if (lineEnd < 0) {
					break;
				}
				String sizeText = new String(chunked, position, lineEnd - position, StandardCharsets.US_ASCII);
				int semicolon = sizeText.indexOf(';');
				int size = Integer.parseInt((semicolon >= 0 ? sizeText.substring(0, semicolon) : sizeText).trim(), 16);
				if (size == 0) {
					break;
				}
				int start = lineEnd + 2;
				out.write(chunked, start, Math.min(size, chunked.length - start));
				position = start + size + 2;
			}
			return out.toByteArray();
		}

		private static int indexOf(byte[] haystack, byte[] needle, int from) {
			outer: for (int i = from; i <= haystack.length - needle.length; i++) {
				for (int j = 0; j < needle.length; j++) {
					if (haystack[i + j] != needle[j]) {
						continue outer;
					}
				}
				return i;
			}
			return -1;
		}

		String header(String name) {
			List<String> values = this.headers.get(name.toLowerCase(Locale.ROOT));
			return (values == null || values.isEmpty()) ? null : values.get(0);
		}

		List<String> headers(String name) {
			return this.headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

		String text() {
			return new String(this.rawBody, StandardCharsets.UTF_8);
		}

		@Override
		public String toString() {
			String text = text();
			return this.statusLine + " " + this.headers + "\n" + (text.length() > 600 ? text.substring(0, 600) + "..." : text);
		}

	}

}
