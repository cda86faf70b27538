package dev.latchkey.example.orders;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The application's own advice: its answer shape, which Latchkey leaves alone. */
@RestControllerAdvice
class OrdersExceptionHandler {

	@ExceptionHandler
	ResponseEntity<Map<String, String>> invalid(IllegalArgumentException ex) {
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(Map.of("problem", ex.getMessage()));
	}

}
