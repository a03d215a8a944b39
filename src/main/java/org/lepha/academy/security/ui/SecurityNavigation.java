package org.lepha.academy.security.ui;

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
class SecurityNavigation {

	@Bean
	NavigationEntry usersEntry() {
		return new NavigationEntry("nav.users", UsersView.class, VaadinIcon.USERS, Set.of(Role.Names.ADMIN), 90, 10);
	}

}
