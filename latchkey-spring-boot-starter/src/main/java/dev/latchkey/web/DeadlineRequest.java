package dev.latchkey.web;

import java.io.IOException;
import java.net.SocketTimeoutException;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;

/**
 * A request whose body must arrive by a deadline: the server's read timeout bounds each read,
 * this bounds them all, so a client sending one byte a second cannot hold the thread for long.
 */
final class DeadlineRequest extends HttpServletRequestWrapper {

	private final long deadlineNanos;

	private ServletInputStream stream;

	DeadlineRequest(HttpServletRequest request, long deadlineNanos) {
		super(request);
		this.deadlineNanos = deadlineNanos;
	}

	@Override
	public ServletInputStream getInputStream() throws IOException {
		if (this.stream == null) {
			this.stream = new DeadlineInputStream(super.getInputStream(), this.deadlineNanos);
		}
		return this.stream;
	}

	private static final class DeadlineInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final long deadlineNanos;

		DeadlineInputStream(ServletInputStream delegate, long deadlineNanos) {
			this.delegate = delegate;
			this.deadlineNanos = deadlineNanos;
		}

		@Override
		public int read() throws IOException {
			checkDeadline();
			int value = this.delegate.read();
			checkDeadline();
			return value;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			checkDeadline();
			int read = this.delegate.read(buffer, offset, length);
			if (read > 0 && !this.delegate.isFinished()) {
				checkDeadline();
			}
			return read;
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

		private void checkDeadline() throws SocketTimeoutException {
			if (System.nanoTime() - this.deadlineNanos > 0) {
				throw new SocketTimeoutException("Request body not received in time");
			}
		}

		@Override
		public int available() throws IOException {
			return this.delegate.available();
		}

		@Override
		public long skip(long n) throws IOException {
			return this.delegate.skip(n);
		}

	}

}
