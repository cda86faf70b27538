package dev.latchkey.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.latchkey.account.PasswordResetConfirmation;
import dev.latchkey.account.PasswordResetRequests;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.PasswordResetConfirmController;
import dev.latchkey.web.PasswordResetController;
import dev.latchkey.web.SiteResolver;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class AccountWebConfiguration {

	@Bean
	@ConditionalOnMissingBean
	SiteResolver latchkeySiteResolver(LatchkeyAccountProperties properties, ClientInfos clients) {
		return new SiteResolver(properties.siteUrl(), properties.siteName(), clients);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordResetController latchkeyPasswordResetController(PasswordResetRequests resets, SiteResolver sites,
			ClientInfos clients) {
		return new PasswordResetController(resets, sites, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordResetConfirmController latchkeyPasswordResetConfirmController(PasswordResetConfirmation confirmation,
			ClientInfos clients) {
		return new PasswordResetConfirmController(confirmation, clients);
	}

}
