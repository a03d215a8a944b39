package org.lepha.academy.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;

/**
 * The language menu. Each language is named in its own language and script («دری» for
 * Dari), so a user who cannot read the current one still finds theirs. The choice is kept
 * on the account (applied at every login) and in the browser session.
 */
@SpringComponent
@UIScope
public class LanguageMenu extends Select<Locale> {

	public LanguageMenu(Languages languages, UiTranslationProvider strings, CurrentUserSettings currentUser) {
		setId("language-menu");
		addClassName("language-menu");
		setItems(languages.all());
		setItemLabelGenerator(strings::languageName);
		setAriaLabel(getTranslation("layout.language"));
		UI ui = UI.getCurrent();
		if (ui != null) {
			setValue(languages.bestMatch(ui.getLocale()));
		}
		addValueChangeListener((event) -> {
			if (event.isFromClient() && event.getValue() != null) {
				UiLocales.rememberChoice(UI.getCurrent().getSession(), event.getValue());
				currentUser.saveLocale(event.getValue());
				MainLayout.switchTo(UI.getCurrent(), event.getValue());
			}
		});
	}

}
