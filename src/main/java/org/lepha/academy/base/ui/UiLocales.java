package org.lepha.academy.base.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.Direction;
import com.vaadin.flow.server.VaadinSession;
import org.lepha.academy.base.i18n.Languages;

/**
 * Applies a language to a UI: locale, text direction and the document's {@code lang}, so
 * that screen readers, fonts and right-to-left layout all follow.
 */
public final class UiLocales {

	private UiLocales() {
	}

	public static void apply(UI ui, Locale locale) {
		ui.setLocale(locale);
		if (ui.getSession() != null) {
			ui.getSession().setLocale(locale);
		}
		ui.setDirection(Languages.isRightToLeft(locale) ? Direction.RIGHT_TO_LEFT : Direction.LEFT_TO_RIGHT);
		ui.getElement().executeJs("document.documentElement.setAttribute('lang', $0)", locale.toLanguageTag());
	}

	/** The language chosen earlier in this browser session, if any. */
	public static Locale sessionLocale(VaadinSession session) {
		return session == null ? null : (Locale) session.getAttribute(SESSION_CHOICE);
	}

	public static void rememberChoice(VaadinSession session, Locale locale) {
		session.setAttribute(SESSION_CHOICE, locale);
	}

	private static final String SESSION_CHOICE = UiLocales.class.getName() + ".choice";

}
