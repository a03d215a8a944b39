package org.lepha.academy.content.internal;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.content.ui.ContentStatusView;
import org.lepha.academy.security.Role;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContentNavigation {

	@Bean
	NavigationEntry contentStatusEntry() {
		return new NavigationEntry("nav.contentStatus", ContentStatusView.class, VaadinIcon.BOOK,
				Set.of(Role.Names.ADMIN), 92, Integer.MAX_VALUE);
	}

}
