package dev.latchkey.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;

import dev.latchkey.account.AccountRegistration;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.account.EmailLogin;
import dev.latchkey.account.EmailVerification;
import dev.latchkey.account.PasswordResetConfirmation;
import dev.latchkey.account.PasswordResetRequests;
import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.user.Profiles;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.InvitationController;
import dev.latchkey.web.RegistrationController;
import dev.latchkey.web.ResendEmailController;
import dev.latchkey.web.RestAuthBodies;
import dev.latchkey.web.RestAuthLoginController;
import dev.latchkey.web.TokenResponses;
import dev.latchkey.web.VerifyEmailController;
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
	RestAuthBodies latchkeyRestAuthBodies(TokenResponses responses, Clock clock, LatchkeyProperties latchkey,
			LatchkeyAccountProperties properties) {
		return new RestAuthBodies(responses, clock, latchkey.jwt().accessTokenLifetime(),
				latchkey.jwt().refreshTokenLifetime(), properties.returnExpiration());
	}

	@Bean
	@ConditionalOnMissingBean
	RestAuthLoginController latchkeyRestAuthLoginController(EmailLogin logins, SessionStarter sessionStarter,
			TokenResponses responses, RestAuthBodies bodies, Profiles profiles, ClientInfos clients,
			ObjectProvider<SecondFactors> secondFactors) {
		return new RestAuthLoginController(logins, sessionStarter, responses, bodies, profiles, clients,
				secondFactors.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RegistrationController latchkeyRegistrationController(AccountRegistration registration, SessionStarter sessionStarter,
			TokenResponses responses, RestAuthBodies bodies, SiteResolver sites, ClientInfos clients) {
		return new RegistrationController(registration, sessionStarter, responses, bodies, sites, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	VerifyEmailController latchkeyVerifyEmailController(EmailVerification verification) {
		return new VerifyEmailController(verification);
	}

	@Bean
	@ConditionalOnMissingBean
	ResendEmailController latchkeyResendEmailController(EmailVerification verification, SiteResolver sites,
			ClientInfos clients) {
		return new ResendEmailController(verification, sites, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	InvitationController latchkeyInvitationController(SignUpPolicy policy, SiteResolver sites) {
		return new InvitationController(policy, sites);
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
