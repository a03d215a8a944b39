package org.lepha.academy.cohorts.ui;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The feature's entries in the side navigation, beside the views they open, so the views
 * can stay package-private.
 */
@Configuration(proxyBeanMethods = false)
class CohortNavigation {

	@Bean
	NavigationEntry academiesEntry() {
		return new NavigationEntry("nav.academies", AcademiesView.class, VaadinIcon.BUILDING, Set.of(Role.Names.ADMIN),
				91, Integer.MAX_VALUE);
	}

	@Bean
	NavigationEntry trainerHomeEntry() {
		return new NavigationEntry("nav.cohorts", TrainerHomeView.class, VaadinIcon.GROUP,
				Set.of(Role.Names.TRAINER, Role.Names.ADMIN), 20, 20);
	}

}
