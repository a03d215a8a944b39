package org.lepha.academy.audit.ui;

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
class AuditNavigation {

	@Bean
	NavigationEntry auditEntry() {
		return new NavigationEntry("nav.audit", AuditView.class, VaadinIcon.CLIPBOARD_TEXT, Set.of(Role.Names.ADMIN),
				95, Integer.MAX_VALUE);
	}

}
