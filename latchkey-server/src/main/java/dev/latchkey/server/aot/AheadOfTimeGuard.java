package dev.latchkey.server.aot;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.aot.AotDetector;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.aot.AbstractAotProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Starts the server on the bean definitions Spring AOT generated at build time when the
 * configuration is the one they were generated for, and on the usual condition evaluation
 * otherwise. Spring AOT fixes every {@code @Conditional} when the jar is built, so a property that
 * turns a feature on or off (MFA, passkeys, mail, a key source, the management port, the data
 * source), and an auto-configuration a jar added to the class path brings, would be silently
 * ignored by a context started on them. This guard compares every property the build consulted,
 * and the auto-configurations on the class path ({@link BuildProperties}), with the environment
 * once it is fully prepared and with the class path, and enables AOT ({@code spring.aot.enabled},
 * read when the context is created) only if none differs. An operator's own
 * {@code -Dspring.aot.enabled} is left as given.
 *
 * <p>While {@code process-aot} runs, it puts {@link PropertyLookups} first among the property
 * sources instead, so that the build can record what its conditions read.
 */
public final class AheadOfTimeGuard implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

	private static final Log logger = LogFactory.getLog(AheadOfTimeGuard.class);

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		ConfigurableEnvironment environment = event.getEnvironment();
		if (Boolean.getBoolean(AbstractAotProcessor.AOT_PROCESSING)) {
			environment.getPropertySources().addFirst(new PropertyLookups());
			return;
		}
		if (System.getProperty(AotDetector.AOT_ENABLED) != null) {
			return;
		}
		ClassLoader classLoader = event.getSpringApplication().getClassLoader();
		BuildProperties build = BuildProperties.load(classLoader);
		if (build == null) {
			return;
		}
		List<String> changed = build.changedIn(environment, classLoader);
		if (changed.isEmpty()) {
			System.setProperty(AotDetector.AOT_ENABLED, "true");
		}
		else {
			logger.info("Starting without the bean definitions prepared at build time (Spring AOT): " + changed
					+ " differ from the build's configuration");
		}
	}

}
