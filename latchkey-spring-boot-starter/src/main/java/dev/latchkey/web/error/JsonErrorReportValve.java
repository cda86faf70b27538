package dev.latchkey.web.error;

import java.io.IOException;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (request header too large, malformed request line or URI, bad
 * Content-Length), which never reach Spring's error controller, as DRF-shaped JSON instead of
 * Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	// Tomcat creates the valve from its class name; the renderer holds no state.
	private final ErrorRenderer renderer = new ErrorRenderer();

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			ApiError error = this.renderer.status(status);
			error.headers().forEach((name, values) -> values.forEach((value) -> response.setHeader(name, value)));
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			response.getOutputStream().write(this.renderer.toJson(error));
			response.finishResponse();
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone.
		}
	}

}
