package org.lepha.academy.security.internal;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.ui.UsersView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecurityNavigation {

	@Bean
	NavigationEntry usersEntry() {
		return new NavigationEntry("nav.users", UsersView.class, VaadinIcon.USERS, Set.of(Role.Names.ADMIN), 90, 10);
	}

}
