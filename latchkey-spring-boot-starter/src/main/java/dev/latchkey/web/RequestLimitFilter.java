package dev.latchkey.web;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.fault.Fault;
import dev.latchkey.throttle.ThrottledException;
import dev.latchkey.web.error.ServiceBusyException;

/**
 * Keeps request threads from being captured, by slow clients or by requests waiting on a slow
 * database: at most so many requests in progress per client address (beyond: DRF's 429 at once)
 * and in all (beyond: 503 at once), and a request body must arrive within a deadline (else 400).
 * Health probes are exempt, so they are answered whatever the rest of the traffic does.
 *
 * <p>A refused request's body is not read, and its connection is closed, so a client trickling
 * a body cannot keep a thread through the refusal either.
 */
public final class RequestLimitFilter extends OncePerRequestFilter {

	private static final long RETRY_AFTER_SECONDS = 1;

	private final int maxPerAddress;

	private final int maxInProgress;

	private final Duration bodyReadTimeout;

	private final ClientInfos clients;

	private final List<String> exemptPrefixes;

	private final ErrorRenderer writer;

	private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();

	private final AtomicInteger inProgress = new AtomicInteger();

	/**
	 * @param maxPerAddress requests in progress per client address; 0 for no limit
	 * @param maxInProgress requests in progress in all; 0 for no limit
	 * @param bodyReadTimeout longest a request body may take to arrive
	 * @param clients finds the client address (behind trusted proxies too)
	 * @param exemptPrefixes path prefixes never limited (the health probes)
	 * @param writer renders refusals
	 */
	public RequestLimitFilter(int maxPerAddress, int maxInProgress, Duration bodyReadTimeout, ClientInfos clients,
			List<String> exemptPrefixes, ErrorRenderer writer) {
		this.maxPerAddress = maxPerAddress;
		this.maxInProgress = maxInProgress;
		this.bodyReadTimeout = bodyReadTimeout;
		this.clients = clients;
		this.exemptPrefixes = exemptPrefixes;
		this.writer = writer;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI();
		return this.exemptPrefixes.stream().anyMatch(path::startsWith);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = this.clients.clientAddress(request);
		AtomicInteger fromAddress = this.perAddress.computeIfAbsent(address, (key) -> new AtomicInteger());
		try {
			if (this.maxPerAddress > 0 && fromAddress.incrementAndGet() > this.maxPerAddress) {
				refuse(response, new ThrottledException(RETRY_AFTER_SECONDS));
				return;
			}
			try {
				if (this.maxInProgress > 0 && this.inProgress.incrementAndGet() > this.maxInProgress) {
					refuse(response, new ServiceBusyException(RETRY_AFTER_SECONDS));
					return;
				}
				chain.doFilter(new DeadlineRequest(request, System.nanoTime() + this.bodyReadTimeout.toNanos()), response);
			}
			finally {
				if (this.maxInProgress > 0) {
					this.inProgress.decrementAndGet();
				}
			}
		}
		finally {
			if (this.maxPerAddress > 0 && fromAddress.decrementAndGet() <= 0) {
				this.perAddress.remove(address, fromAddress);
			}
		}
	}

	private void refuse(HttpServletResponse response, Fault refusal) throws IOException {
		response.setHeader(HttpHeaders.CONNECTION, "close");
		this.writer.write(response, this.writer.render(refusal));
	}

}
