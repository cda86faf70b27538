package dev.latchkey.example.orders;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.latchkey.web.LatchkeyUser;

/** {@code /api/orders/}: the signed-in user's orders; cancelling one is for staff. */
@RestController
@RequestMapping("/api/orders")
class OrdersController {

	private final OrderBook orders;

	OrdersController(OrderBook orders) {
		this.orders = orders;
	}

	@GetMapping("/")
	List<Order> list(@AuthenticationPrincipal LatchkeyUser user) {
		return this.orders.of(user.id());
	}

	@PostMapping("/")
	@ResponseStatus(HttpStatus.CREATED)
	Order place(@AuthenticationPrincipal LatchkeyUser user, @RequestBody NewOrder order) {
		return this.orders.place(user.id(), order.item(), order.quantity());
	}

	@GetMapping("/{id}/")
	Order get(@AuthenticationPrincipal LatchkeyUser user, @PathVariable long id) {
		return this.orders.find(user.id(), id);
	}

	@PostMapping("/{id}/ship/")
	Order ship(@AuthenticationPrincipal LatchkeyUser user, @PathVariable long id) {
		return this.orders.ship(user.id(), id);
	}

	@DeleteMapping("/{id}/")
	@PreAuthorize("hasRole('STAFF')")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void cancel(@PathVariable long id) {
		this.orders.cancel(id);
	}

	/**
	 * A new order.
	 *
	 * @param item what to order
	 * @param quantity how many, at least one
	 */
	record NewOrder(String item, int quantity) {
	}

}
