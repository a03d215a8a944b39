package org.lepha.academy.translation.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccountService;

/**
 * The translator's home: the languages they work on.
 */
@Route("translate")
@RolesAllowed({ Role.Names.TRANSLATOR, Role.Names.ADMIN })
public class TranslatorHomeView extends VerticalLayout implements HasDynamicTitle {

	TranslatorHomeView(UserAccountService accounts, UiTranslationProvider strings) {
		add(new H1(getTranslation("translatorHome.title")));
		boolean translator = accounts.currentUser().map((u) -> u.hasRole(Role.TRANSLATOR)).orElse(false);
		if (translator) {
			String locales = accounts.myTranslatorLocales()
				.stream()
				.map(strings::languageName)
				.sorted()
				.collect(Collectors.joining(", "));
			add(new Paragraph(getTranslation("translatorHome.locales", locales)));
		}
	}

	@Override
	public String getPageTitle() {
		return getTranslation("translatorHome.title");
	}

}
