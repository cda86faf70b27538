package dev.latchkey.server.aot;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * At the end of {@code process-aot}, when every condition has been evaluated, writes the
 * properties they consulted ({@link PropertyLookups}) as {@link BuildProperties#RESOURCE}.
 * Registered in {@code META-INF/spring/aot.factories}; does nothing for a context that was not
 * started by {@link AheadOfTimeGuard}.
 */
public final class BuildPropertiesRecorder implements BeanFactoryInitializationAotProcessor {

	@Override
	public BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
		ConfigurableEnvironment environment = beanFactory.getBean(ConfigurableApplicationContext.ENVIRONMENT_BEAN_NAME,
				ConfigurableEnvironment.class);
		if (!(environment.getPropertySources().get(PropertyLookups.NAME) instanceof PropertyLookups lookups)) {
			return null;
		}
		BuildProperties properties = BuildProperties.of(lookups.names(), environment, beanFactory.getBeanClassLoader());
		String text = properties.text();
		return (generationContext, code) -> generationContext.getGeneratedFiles()
			.addResourceFile(BuildProperties.RESOURCE, text);
	}

}
