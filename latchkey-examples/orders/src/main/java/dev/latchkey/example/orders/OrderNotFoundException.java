package dev.latchkey.example.orders;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The application's own "not found", rendered by Spring Boot's error page, not by Latchkey. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class OrderNotFoundException extends RuntimeException {

	OrderNotFoundException(long id) {
		super("no order " + id);
	}

}
