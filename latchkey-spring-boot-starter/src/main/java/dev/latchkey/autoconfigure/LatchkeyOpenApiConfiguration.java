package dev.latchkey.autoconfigure;

import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Latchkey's endpoints in the OpenAPI document, when the application uses springdoc
 * ({@code /v3/api-docs}, Swagger UI at {@code /swagger-ui.html}; both switched off with
 * {@code springdoc.api-docs.enabled=false} and {@code springdoc.swagger-ui.enabled=false}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(OpenApiCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class LatchkeyOpenApiConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "latchkeyOpenApiCustomizer")
	OpenApiCustomizer latchkeyOpenApiCustomizer(LatchkeyProperties properties,
			org.springframework.core.env.Environment environment) {
		return new LatchkeyOpenApiCustomizer(properties,
				environment.getProperty("latchkey.mfa.enabled", Boolean.class, false),
				environment.getProperty("latchkey.passkeys.enabled", Boolean.class, false));
	}

}
