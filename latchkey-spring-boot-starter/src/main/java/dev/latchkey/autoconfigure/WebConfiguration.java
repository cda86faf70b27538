package dev.latchkey.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.ExceptionHandlerExceptionResolver;

import dev.latchkey.password.PasswordHasher;
import dev.latchkey.token.key.PublicKeySet;
import dev.latchkey.token.UserSessions;
import dev.latchkey.token.SlidingTokens;
import dev.latchkey.token.TokenRefresher;
import dev.latchkey.token.Logout;
import dev.latchkey.token.RevocationCheck;
import dev.latchkey.token.SessionStarter;
import dev.latchkey.token.TokenSettings;
import dev.latchkey.account.EmailVerification;
import dev.latchkey.account.SignUpPolicy;
import dev.latchkey.user.LoginCheck;
import dev.latchkey.user.PasswordLogin;
import dev.latchkey.user.PasswordChange;
import dev.latchkey.user.SignUpField;
import dev.latchkey.user.UserAdministration;
import dev.latchkey.user.UserDirectory;
import dev.latchkey.user.Profiles;
import dev.latchkey.user.Registration;
import dev.latchkey.web.error.ApiExceptionHandler;
import dev.latchkey.web.ApiPaths;
import dev.latchkey.mfa.SecondFactors;
import dev.latchkey.web.ClientInfos;
import dev.latchkey.web.CookieSettings;
import dev.latchkey.web.CsrfController;
import dev.latchkey.web.CrossSiteRequestGuard;
import dev.latchkey.web.CsrfTokens;
import dev.latchkey.web.CurrentUserController;
import dev.latchkey.web.error.DrfErrorController;
import dev.latchkey.web.error.ErrorRenderer;
import dev.latchkey.web.HashingAdmissionFilter;
import dev.latchkey.web.JwksController;
import dev.latchkey.web.error.LatchkeyPathExceptionResolver;
import dev.latchkey.web.LogoutController;
import dev.latchkey.web.PasswordChangeController;
import dev.latchkey.web.RefreshTokenSource;
import dev.latchkey.web.RequestLimitFilter;
import dev.latchkey.web.SessionsController;
import dev.latchkey.web.SignIn;
import dev.latchkey.web.SignUpController;
import dev.latchkey.web.SiteResolver;
import dev.latchkey.web.SlidingTokenController;
import dev.latchkey.web.SubmittedFormReader;
import dev.latchkey.web.TrailingSlashFilter;
import dev.latchkey.web.TokenCookies;
import dev.latchkey.web.TokenBlacklistController;
import dev.latchkey.web.TokenObtainController;
import dev.latchkey.web.TokenRefreshController;
import dev.latchkey.web.TokenResponses;
import dev.latchkey.web.TokenVerifyController;
import dev.latchkey.web.UserAdminController;

@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebConfiguration {

	/** Spring Boot's default order of Spring Security's filter chain. */
	private static final int SECURITY_FILTER_ORDER = -100;

	@Bean
	@ConditionalOnMissingBean
	SubmittedFormReader latchkeySubmittedFormReader(LatchkeyProperties properties) {
		return new SubmittedFormReader(Math.toIntExact(properties.web().maxBodySize().toBytes()));
	}

	/** First of all filters, so a refused request costs nothing and reads no body. */
	@Bean
	@ConditionalOnMissingBean(name = "latchkeyRequestLimitFilter")
	FilterRegistrationBean<RequestLimitFilter> latchkeyRequestLimitFilter(LatchkeyResilienceProperties resilience,
			ClientInfos clientInfos, ErrorRenderer errorWriter) {
		RequestLimitFilter filter = new RequestLimitFilter(resilience.maxRequestsPerAddress(),
				resilience.maxConcurrentRequests(), resilience.bodyReadTimeout(), clientInfos,
				List.of("/actuator/health"), errorWriter);
		FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(filter);
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/** Before security and MVC: see {@link TrailingSlashFilter}. */
	@Bean
	@ConditionalOnMissingBean(name = "latchkeyTrailingSlashFilter")
	FilterRegistrationBean<TrailingSlashFilter> latchkeyTrailingSlashFilter(LatchkeyProperties properties) {
		FilterRegistrationBean<TrailingSlashFilter> registration = new FilterRegistrationBean<>(
				new TrailingSlashFilter(ApiPaths.patterns(properties.web().apiPrefix())));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
		return registration;
	}

	@Bean
	WebMvcConfigurer latchkeyWebMvcConfigurer(SubmittedFormReader reader, LatchkeyProperties properties,
			ObjectProvider<ApiExceptionHandler> advice) {
		return new WebMvcConfigurer() {

			@Override
			public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
				resolvers.add(reader);
			}

			@Override
			public void addInterceptors(InterceptorRegistry registry) {
				registry.addInterceptor(new CrossSiteRequestGuard(properties.web().corsAllowedOrigins()));
			}

			@Override
			public void extendHandlerExceptionResolvers(List<HandlerExceptionResolver> resolvers) {
				resolvers.stream()
					.filter(ExceptionHandlerExceptionResolver.class::isInstance)
					.findFirst()
					.ifPresent((handlers) -> resolvers.add(0, new LatchkeyPathExceptionResolver(handlers,
							advice.getObject(), ApiPaths.patterns(properties.web().apiPrefix()))));
			}

		};
	}

	@Bean
	@ConditionalOnMissingBean
	TokenCookies latchkeyTokenCookies(LatchkeyProperties properties, TokenSettings tokenSettings) {
		LatchkeyProperties.Cookies cookies = properties.cookies();
		String prefix = properties.web().apiPrefix();
		CookieSettings settings = new CookieSettings(cookies.accessName(), cookies.refreshName(), "/", prefix + "/",
				cookies.domain(), cookies.secure(), cookies.httpOnly(), cookies.sameSite());
		return new TokenCookies(settings, tokenSettings.accessLifetime(), tokenSettings.refreshLifetime());
	}

	@Bean
	@ConditionalOnMissingBean
	CsrfTokens latchkeyCsrfTokens(LatchkeyProperties properties) {
		return new CsrfTokens(properties.cookies().csrfName(), properties.web().csrfHeader());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenResponses latchkeyTokenResponses(LatchkeyProperties properties, TokenCookies cookies, CsrfTokens csrf) {
		return new TokenResponses(properties.web().tokenDelivery(), cookies, csrf);
	}

	@Bean
	@ConditionalOnMissingBean
	JwksController latchkeyJwksController(PublicKeySet keys) {
		return new JwksController(keys);
	}

	@Bean
	@ConditionalOnMissingBean
	CsrfController latchkeyCsrfController(TokenResponses responses) {
		return new CsrfController(responses);
	}

	@Bean
	FilterRegistrationBean<HashingAdmissionFilter> latchkeyHashingAdmissionFilter(PasswordHasher hasher,
			LatchkeyProperties properties, ErrorRenderer errors) {
		FilterRegistrationBean<HashingAdmissionFilter> registration = new FilterRegistrationBean<>(
				new HashingAdmissionFilter(hasher, properties.web().apiPrefix(), errors));
		// Right after Spring Security's chain (CORS headers and CSRF still apply), before MVC.
		registration.setOrder(SECURITY_FILTER_ORDER + 1);
		return registration;
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorRenderer latchkeyErrorRenderer() {
		return new ErrorRenderer();
	}

	@Bean
	@ConditionalOnMissingBean
	ApiExceptionHandler latchkeyApiExceptionHandler(ErrorRenderer renderer) {
		return new ApiExceptionHandler(renderer);
	}

	/** Only in a standalone server: a host application's error page stays its own. */
	@Bean
	@ConditionalOnProperty(name = "latchkey.web.standalone", havingValue = "true")
	@ConditionalOnMissingBean(org.springframework.boot.webmvc.error.ErrorController.class)
	DrfErrorController latchkeyErrorController(ErrorRenderer renderer) {
		return new DrfErrorController(renderer);
	}

	@Bean
	@ConditionalOnMissingBean
	ClientInfos latchkeyClientInfos(LatchkeyProperties properties) {
		return new ClientInfos(properties.web().trustedProxies());
	}

	@Bean
	@ConditionalOnMissingBean
	SignUpController latchkeySignUpController(Registration registration, SessionStarter sessionStarter,
			TokenResponses responses, ClientInfos clients, ObjectProvider<SignUpField> extraFields,
			ObjectProvider<LoginCheck> checks, ObjectProvider<SignUpPolicy> policy,
			ObjectProvider<EmailVerification> verification, ObjectProvider<SiteResolver> sites) {
		return new SignUpController(registration, sessionStarter, responses, clients, extraFields.orderedStream().toList(),
				checks.orderedStream().toList(), policy.getIfUnique(), verification.getIfUnique(), sites.getIfUnique());
	}

	@Bean
	@ConditionalOnMissingBean
	SignIn latchkeySignIn(SessionStarter sessionStarter, TokenResponses responses, ObjectProvider<LoginCheck> checks) {
		return new SignIn(sessionStarter, responses, checks.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenObtainController latchkeyTokenObtainController(PasswordLogin logins, SignIn signIn, ClientInfos clients,
			ObjectProvider<SecondFactors> secondFactors) {
		return new TokenObtainController(logins, signIn, clients, secondFactors.getIfAvailable());
	}

	@Bean
	@ConditionalOnMissingBean
	RefreshTokenSource latchkeyRefreshTokenSource(LatchkeyProperties properties, CsrfTokens csrf) {
		return new RefreshTokenSource(properties.cookies().refreshName(), csrf);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenRefreshController latchkeyTokenRefreshController(TokenRefresher refresher, RefreshTokenSource refreshTokens,
			TokenResponses responses, ClientInfos clients) {
		return new TokenRefreshController(refresher, refreshTokens, responses, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	// A sliding token lives in the body only: with cookie delivery no body carries a token, so the
	// sliding endpoints are not served at all.
	@ConditionalOnExpression("!'${latchkey.web.token-delivery:both}'.equalsIgnoreCase('cookie')")
	SlidingTokenController latchkeySlidingTokenController(PasswordLogin logins, SlidingTokens slidingTokens,
			ClientInfos clients, ObjectProvider<LoginCheck> checks) {
		return new SlidingTokenController(logins, slidingTokens, clients, checks.orderedStream().toList());
	}

	@Bean
	@ConditionalOnMissingBean
	TokenVerifyController latchkeyTokenVerifyController(RevocationCheck revocations) {
		return new TokenVerifyController(revocations);
	}

	@Bean
	@ConditionalOnMissingBean
	TokenBlacklistController latchkeyTokenBlacklistController(Logout logout, RefreshTokenSource refreshTokens,
			ClientInfos clients) {
		return new TokenBlacklistController(logout, refreshTokens, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	LogoutController latchkeyLogoutController(Logout logout, UserSessions sessions,
			RefreshTokenSource refreshTokens, TokenResponses responses, ClientInfos clients) {
		return new LogoutController(logout, sessions, refreshTokens, responses, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	SessionsController latchkeySessionsController(UserSessions sessions, ClientInfos clients) {
		return new SessionsController(sessions, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	PasswordChangeController latchkeyPasswordChangeController(PasswordChange passwordChange, UserSessions sessions,
			ClientInfos clients) {
		return new PasswordChangeController(passwordChange, sessions, clients);
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(UserDirectory.class)
	UserAdminController latchkeyUserAdminController(UserDirectory directory, UserSessions sessions,
			ClientInfos clients) {
		return new UserAdminController(new UserAdministration(directory, sessions), clients);
	}

	@Bean
	@ConditionalOnMissingBean
	CurrentUserController latchkeyCurrentUserController(Profiles profiles,
			ObjectProvider<EmailVerification> verification, ObjectProvider<SiteResolver> sites) {
		return new CurrentUserController(profiles, verification.getIfUnique(), sites.getIfUnique());
	}

}
