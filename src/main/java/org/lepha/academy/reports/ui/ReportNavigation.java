package org.lepha.academy.reports.ui;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The programme reports' entry in the side navigation. */
@Configuration(proxyBeanMethods = false)
class ReportNavigation {

	@Bean
	NavigationEntry programmeReportsEntry() {
		return new NavigationEntry("report.nav", AcademyReportsView.class, VaadinIcon.CHART,
				Set.of(Role.Names.TRAINER, Role.Names.ADMIN), 92, Integer.MAX_VALUE);
	}

}
