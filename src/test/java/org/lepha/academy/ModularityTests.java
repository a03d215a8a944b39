package org.lepha.academy;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are modules: each uses only the others' public root packages
 * (never their {@code internal} or {@code ui} sub-packages), and there are no cycles.
 */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(Application.class);

	@Test
	void featureModulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theExpectedFeaturesAreModules() {
		assertThat(modules.stream().map((m) -> m.getIdentifier().toString())).contains("base", "security", "cohorts",
				"learning", "translation");
	}

}
