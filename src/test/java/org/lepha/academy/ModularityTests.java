package org.lepha.academy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lepha.academy.base.SystemPort;
import org.lepha.academy.security.SystemAccess;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are modules: each uses only the others' public root packages
 * (never their {@code internal} or {@code ui} sub-packages), and there are no cycles.
 * System-only ports stay out of views, and administrator rights are borrowed only by
 * start-up work (decision 0004).
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(Application.class);

	private static final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.lepha.academy");

	@Test
	void featureModulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theExpectedFeaturesAreModules() {
		assertThat(modules.stream().map((m) -> m.getIdentifier().toString())).contains("base", "security", "cohorts",
				"learning", "translation");
	}

	@Test
	void viewsNeverReachASystemPort() {
		noClasses().that()
			.resideInAPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.areAnnotatedWith(SystemPort.class)
			.because("a system port checks no caller; views go through the guarded services")
			.check(mainClasses);
	}

	@Test
	void onlyStartUpWorkBorrowsAdministratorRights() {
		noClasses().that()
			.resideOutsideOfPackage("org.lepha.academy.security..")
			.and()
			.doNotHaveFullyQualifiedName("org.lepha.academy.cohorts.internal.DemoData")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(SystemAccess.class)
			.because("system code reads other modules through their system ports, not as an administrator")
			.check(mainClasses);
	}

}
