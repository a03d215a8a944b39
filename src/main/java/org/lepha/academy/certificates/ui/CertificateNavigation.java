package org.lepha.academy.certificates.ui;

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
class CertificateNavigation {

	@Bean
	NavigationEntry myCertificatesEntry() {
		return new NavigationEntry("nav.certificates", MyCertificatesView.class, VaadinIcon.DIPLOMA,
				Set.of(Role.Names.CADET), 15, Integer.MAX_VALUE);
	}

	@Bean
	NavigationEntry certificateDesignEntry() {
		return new NavigationEntry("design.nav", CertificateDesignView.class, VaadinIcon.PICTURE,
				Set.of(Role.Names.ADMIN), 92, Integer.MAX_VALUE);
	}

}
