package dev.latchkey.example.orders;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ResponseStatusException;

/** The application's domain: orders in memory, enough for an example. */
@Service
class OrderBook {

	private final Map<Long, Order> orders = new ConcurrentHashMap<>();

	private final AtomicLong ids = new AtomicLong();

	List<Order> of(long owner) {
		return this.orders.values().stream().filter((order) -> order.owner() == owner).toList();
	}

	Order place(long owner, String item, int quantity) {
		if (quantity <= 0) {
			throw new IllegalArgumentException("quantity must be positive");
		}
		Order order = new Order(this.ids.incrementAndGet(), owner, item, quantity, false);
		this.orders.put(order.id(), order);
		return order;
	}

	Order find(long owner, long id) {
		Order order = this.orders.get(id);
		if (order == null || order.owner() != owner) {
			throw new OrderNotFoundException(id);
		}
		return order;
	}

	Order ship(long owner, long id) {
		Order order = find(owner, id);
		if (order.shipped()) {
			throw new ResponseStatusException(HttpStatus.CONFLICT, "order " + id + " has already shipped");
		}
		Order shipped = new Order(order.id(), owner, order.item(), order.quantity(), true);
		this.orders.put(id, shipped);
		return shipped;
	}

	void cancel(long id) {
		this.orders.remove(id);
	}

	int count() {
		return this.orders.size();
	}

}
