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

	@Test
	void clientAddressWhenNoProxiesConfiguredThenAlwaysPeer() {
		ClientInfos direct = new ClientInfos(List.of());
		assertThat(direct.clientAddress(request("127.0.0.1", "198.51.100.1"))).isEqualTo("127.0.0.1");
	}

}
