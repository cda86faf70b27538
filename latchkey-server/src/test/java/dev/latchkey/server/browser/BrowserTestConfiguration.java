package dev.latchkey.server.browser;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Adds the {@link ExchangeRecorder} in front of every other filter (Spring Security's included),
 * so it sees each response body exactly as the browser receives it.
 */
@TestConfiguration(proxyBeanMethods = false)
class BrowserTestConfiguration {

	@Bean
	ExchangeRecorder browserExchangeRecorder() {
		return new ExchangeRecorder();
	}

	@Bean
	FilterRegistrationBean<ExchangeRecorder> browserExchangeRecorderRegistration(ExchangeRecorder recorder) {
		FilterRegistrationBean<ExchangeRecorder> registration = new FilterRegistrationBean<>(recorder);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
