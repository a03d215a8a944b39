package org.lepha.academy.translation.ui;

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
class TranslationNavigation {

	@Bean
	NavigationEntry translatorHomeEntry() {
		return new NavigationEntry("nav.translations", TranslatorHomeView.class, VaadinIcon.GLOBE,
				Set.of(Role.Names.TRANSLATOR, Role.Names.ADMIN), 30, 30);
	}

}
