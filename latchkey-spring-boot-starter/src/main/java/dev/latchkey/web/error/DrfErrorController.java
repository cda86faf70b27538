package dev.latchkey.web.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Spring Boot's error page: whatever the servlet container or a filter turns into an
 * error (a request the firewall refused, an unknown path, a failure outside MVC) is answered with
 * a DRF-shaped JSON body, never HTML or a stack trace.
 */
@RestController
public class DrfErrorController implements ErrorController {

	private final ErrorRenderer renderer;

	public DrfErrorController(ErrorRenderer renderer) {
		this.renderer = renderer;
	}

	@RequestMapping("${server.error.path:${error.path:/error}}")
	ResponseEntity<Object> error(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = (code instanceof Integer value) ? value : HttpStatus.NOT_FOUND.value();
		return this.renderer.toEntity(this.renderer.status(status));
	}

}
