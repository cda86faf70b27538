package dev.latchkey.server.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;

import dev.latchkey.audit.LatchkeyEvent;
import dev.latchkey.audit.LatchkeyEventListener;

/**
 * Two event listeners as an application would declare them: the first always fails, the second
 * records what it hears.
 */
@TestConfiguration(proxyBeanMethods = false)
class ApplicationListeners {

	static final List<LatchkeyEvent> recorded = new CopyOnWriteArrayList<>();

	@Bean
	@Order(1)
	LatchkeyEventListener failingListener() {
		return (event) -> {
			throw new IllegalStateException("a listener of the application that fails");
		};
	}

	@Bean
	@Order(2)
	LatchkeyEventListener recordingListener() {
		return recorded::add;
	}

}
