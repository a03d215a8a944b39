package org.lepha.academy.classroom.ui;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Classroom mode in the side navigation: trainers start sessions, cadets join them.
 */
@Configuration(proxyBeanMethods = false)
class ClassroomNavigation {

	@Bean
	NavigationEntry classroomEntry() {
		return new NavigationEntry("classroom.nav", ClassroomStartView.class, VaadinIcon.PRESENTATION,
				Set.of(Role.Names.TRAINER, Role.Names.ADMIN), 22, Integer.MAX_VALUE);
	}

	@Bean
	NavigationEntry classroomJoinEntry() {
		return new NavigationEntry("classroom.join.nav", JoinView.class, VaadinIcon.USERS, Set.of(Role.Names.CADET), 16,
				Integer.MAX_VALUE);
	}

}
