package org.lepha.academy.translation;

import java.util.Set;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.lepha.academy.base.ui.NavigationEntry;
import org.lepha.academy.security.Role;
import org.lepha.academy.translation.ui.TranslatorHomeView;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TranslationNavigation {

	@Bean
	NavigationEntry translatorHomeEntry() {
		return new NavigationEntry("nav.translations", TranslatorHomeView.class, VaadinIcon.GLOBE,
				Set.of(Role.Names.TRANSLATOR, Role.Names.ADMIN), 30, 30);
	}

}
