package dev.latchkey.example.orders;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.web.LatchkeyUser;

/** The current user as Latchkey authenticated it (the principal carries no password hash), and a page for staff. */
@RestController
class MeController {

	private final OrderBook orders;

	MeController(OrderBook orders) {
		this.orders = orders;
	}

	@GetMapping("/api/me/")
	LatchkeyUser me(@AuthenticationPrincipal LatchkeyUser user) {
		return user;
	}

	@GetMapping("/internal/stats/")
	Map<String, Object> stats() {
		return Map.of("orders", this.orders.count());
	}

}
