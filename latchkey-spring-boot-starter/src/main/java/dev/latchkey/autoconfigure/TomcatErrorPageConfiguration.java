package dev.latchkey.autoconfigure;

import org.apache.catalina.core.StandardHost;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.web.error.JsonErrorReportValve;

/**
 * Requests Tomcat refuses before any servlet runs (oversized headers, a NUL in a header, a
 * malformed request line) get Latchkey's JSON error body instead of Tomcat's HTML page. Only in
 * a standalone server ({@code latchkey.web.standalone}): a host application's container stays as
 * it configured it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "latchkey.web.standalone", havingValue = "true")
@ConditionalOnClass(name = { "org.apache.catalina.startup.Tomcat",
		"org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory" })
class TomcatErrorPageConfiguration {

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> latchkeyJsonErrorReportValve() {
		// The Host adds this valve when it starts; it sits inside Boot's ErrorReportValve, so it answers first.
		return (factory) -> factory.addContextCustomizers((context) -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
			}
		});
	}

}
