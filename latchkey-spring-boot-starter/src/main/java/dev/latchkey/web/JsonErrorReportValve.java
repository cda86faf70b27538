package dev.latchkey.web;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Tomcat's own error answers (request header too large, malformed request line or URI, bad
 * Content-Length), which never reach Spring's error controller, as DRF-shaped JSON instead of
 * Tomcat's HTML page.
 */
public class JsonErrorReportValve extends ErrorReportValve {

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		try {
			response.setContentType("application/json");
			response.setCharacterEncoding("UTF-8");
			if (status == 401) {
				response.setHeader("WWW-Authenticate", ErrorResponseWriter.WWW_AUTHENTICATE);
			}
			PrintWriter writer = response.getReporter();
			if (writer != null) {
				writer.write("{\"detail\":\"" + ErrorBody.defaultDetail(status) + "\"}");
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// The client is gone.
		}
	}

}
