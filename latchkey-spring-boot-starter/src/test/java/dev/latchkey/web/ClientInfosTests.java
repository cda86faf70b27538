package dev.latchkey.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

class ClientInfosTests {

	private final ClientInfos clients = new ClientInfos(List.of("10.0.0.0/8", "127.0.0.1"));

	private static MockHttpServletRequest request(String peer, String forwardedFor) {
		MockHttpServletRequest request = new MockHttpServletRequest();
		request.setRemoteAddr(peer);
		if (forwardedFor != null) {
			request.addHeader("X-Forwarded-For", forwardedFor);
		}
		return request;
	}

	@Test
	void clientAddressWhenPeerIsNotTrustedThenForwardedForIgnored() {
		assertThat(this.clients.clientAddress(request("203.0.113.9", "198.51.100.1"))).isEqualTo("203.0.113.9");
	}

	@Test
	void clientAddressWhenBehindTrustedProxiesThenRightmostUntrustedHop() {
		assertThat(this.clients.clientAddress(request("10.1.2.3", "6.6.6.6, 198.51.100.1, 10.0.0.7")))
			.isEqualTo("198.51.100.1");
	}

	@Test
	void clientAddressWhenForwardedForIsGarbageThenPeer() {
		assertThat(this.clients.clientAddress(request("127.0.0.1", "<script>, x"))).isEqualTo("127.0.0.1");
		assertThat(this.clients.clientAddress(request("127.0.0.1", ""))).isEqualTo("127.0.0.1");
	}

	/** Issue #14, item 4: HAProxy's option forwardfor adds a line of its own after the client's. */
	@Test
	void clientAddressWhenProxyAppendsAHeaderLineThenRightmostUntrustedHopOfAllLines() {
		MockHttpServletRequest request = request("10.0.0.1", "6.6.6.6");
		request.addHeader("X-Forwarded-For", "7.7.7.7, 8.8.8.8");
		request.addHeader("X-Forwarded-For", " 198.51.100.23 ,10.0.0.9 ");
		assertThat(this.clients.clientAddress(request)).isEqualTo("198.51.100.23");
	}

	@Test
	void clientAddressWhenIpv6HopsThenCanonicalAndMatchedAgainstTrustedRanges() {
		ClientInfos v6 = new ClientInfos(List.of("2001:db8:ffff::/48", "::1"));
		MockHttpServletRequest request = request("0:0:0:0:0:0:0:1", "2001:DB8::1");
		request.addHeader("X-Forwarded-For", "2001:db8:ffff::7");
		assertThat(v6.clientAddress(request)).isEqualTo("2001:db8:0:0:0:0:0:1");
		assertThat(this.clients.clientAddress(request("127.0.0.1", "::ffff:198.51.100.4"))).isEqualTo("198.51.100.4");
	}

	@Test
	void clientAddressWhenRightmostHopIsObfuscatedOrNotALiteralThenPeer() {
		for (String hop : List.of("0x7f.0.0.1", "127.1", "0177.0.0.1", "198.51.100.1:443", "[2001:db8::1]", "unknown",
				"abc", "localhost", "1.2.3.4.5", "", "::ffff:zz", "%0a198.51.100.1")) {
			assertThat(this.clients.clientAddress(request("127.0.0.1", "198.51.100.9, " + hop))).as(hop)
				.isEqualTo("127.0.0.1");
		}
	}

	@Test
	void clientAddressWhenNoProxiesConfiguredThenAlwaysPeer() {
		ClientInfos direct = new ClientInfos(List.of());
		assertThat(direct.clientAddress(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

}
