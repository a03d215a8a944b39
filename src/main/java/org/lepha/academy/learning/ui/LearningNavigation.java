package org.lepha.academy.learning.ui;

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
class LearningNavigation {

	@Bean
	NavigationEntry cadetHomeEntry() {
		return new NavigationEntry("nav.myModules", CadetHomeView.class, VaadinIcon.ACADEMY_CAP,
				Set.of(Role.Names.CADET), 10, 40);
	}

}
