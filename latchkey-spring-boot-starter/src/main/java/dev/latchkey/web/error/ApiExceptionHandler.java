package dev.latchkey.web.error;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Hands every exception of Latchkey's controllers to the {@link ErrorRenderer}.
 *
 * <p>It advises Latchkey's own controllers only ({@code dev.latchkey.web}): the host
 * application's exceptions, {@code @ResponseStatus}, {@code ResponseStatusException} and Spring's
 * defaults pass it by. Errors raised before a handler is chosen (405, 415, 406 on a Latchkey path)
 * reach it through {@link LatchkeyPathExceptionResolver}.
 */
@RestControllerAdvice(basePackages = ApiExceptionHandler.CONTROLLERS)
public class ApiExceptionHandler {

	/** The package of Latchkey's controllers (and its subpackages). */
	static final String CONTROLLERS = "dev.latchkey.web";

	private final ErrorRenderer renderer;

	public ApiExceptionHandler(ErrorRenderer renderer) {
		this.renderer = renderer;
	}

	@ExceptionHandler
	ResponseEntity<Object> unexpected(Exception ex) {
		return this.renderer.toEntity(this.renderer.render(ex));
	}

}
