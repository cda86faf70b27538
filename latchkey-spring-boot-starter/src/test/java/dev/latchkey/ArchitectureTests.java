package dev.latchkey;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the domain packages free of web types: only {@code web} and {@code autoconfigure} may
 * know about servlets, Spring MVC and Spring Security's web layer.
 */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.latchkey");

	@Test
	void domainPackagesWhenCompiledThenDependOnNoWebTypes() {
		ArchRule rule = noClasses().that()
			.resideInAnyPackage("dev.latchkey.token..", "dev.latchkey.password..", "dev.latchkey.user..",
					"dev.latchkey.throttle..", "dev.latchkey.audit..", "dev.latchkey.database..", "dev.latchkey.mail..",
					"dev.latchkey.account..", "dev.latchkey.fault..", "dev.latchkey.mfa..", "dev.latchkey.background..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
					"org.springframework.security.web..", "org.springframework.security.config..",
					"dev.latchkey.web..", "dev.latchkey.autoconfigure..");
		rule.check(CLASSES);
	}

	/**
	 * Passkeys are built on Spring Security's WebAuthn types ({@code org.springframework.security.web.webauthn}),
	 * and on nothing else of the web.
	 */
	@Test
	void passkeyPackageWhenCompiledThenDependsOnNoWebTypesButWebAuthns() {
		ArchRule rule = noClasses().that()
			.resideInAPackage("dev.latchkey.passkey..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("jakarta.servlet..", "org.springframework.web..", "org.springframework.http..",
					"org.springframework.security.config..", "dev.latchkey.web..", "dev.latchkey.autoconfigure..");
		rule.check(CLASSES);
	}

	@Test
	void passwordPackageWhenCompiledThenKnowsNothingOfUsersOrTokens() {
		noClasses().that()
			.resideInAPackage("dev.latchkey.password..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.latchkey.user..", "dev.latchkey.token..")
			.check(CLASSES);
	}

	@Test
	void faultPackageWhenCompiledThenDependsOnNoOtherLatchkeyPackage() {
		noClasses().that()
			.resideInAPackage("dev.latchkey.fault..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("dev.latchkey.token..", "dev.latchkey.password..", "dev.latchkey.user..",
					"dev.latchkey.throttle..", "dev.latchkey.audit..", "dev.latchkey.database..", "dev.latchkey.mail..",
					"dev.latchkey.account..", "dev.latchkey.web..", "dev.latchkey.autoconfigure..")
			.check(CLASSES);
	}

	@Test
	void backgroundPackageWhenCompiledThenDependsOnNoOtherLatchkeyPackage() {
		// database schedules on it: the other way round would be a cycle.
		noClasses().that()
			.resideInAPackage("dev.latchkey.background..")
			.should()
			.dependOnClassesThat(
					resideInAPackage("dev.latchkey..").and(not(resideInAPackage("dev.latchkey.background.."))))
			.check(CLASSES);
	}

	@Test
	void errorRenderingWhenCompiledThenKnowsNoController() {
		// web.error renders; web uses it. The other way round would be a cycle.
		noClasses().that()
			.resideInAPackage("dev.latchkey.web.error..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.latchkey.web")
			.check(CLASSES);
	}

}
