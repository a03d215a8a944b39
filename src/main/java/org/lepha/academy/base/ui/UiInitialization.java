package org.lepha.academy.base.ui;

import java.util.Collections;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.lepha.academy.base.i18n.Languages;

import org.springframework.stereotype.Component;

/**
 * Every new UI gets its language (the user's stored choice, else this session's choice,
 * else the browser's {@code Accept-Language}, else English) and the matching direction;
 * every session gets the error handler; users with a one-time password are sent to change
 * it.
 */
@Component
class UiInitialization implements VaadinServiceInitListener {

	private final Languages languages;

	private final CurrentUserSettings currentUser;

	private final UserFacingErrorHandler errorHandler;

	UiInitialization(Languages languages, CurrentUserSettings currentUser, UserFacingErrorHandler errorHandler) {
		this.languages = languages;
		this.currentUser = currentUser;
		this.errorHandler = errorHandler;
	}

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addSessionInitListener((e) -> e.getSession().setErrorHandler(errorHandler));
		event.getSource().addUIInitListener((e) -> {
			UI ui = e.getUI();
			Locale locale = chooseLocale(ui, VaadinRequest.getCurrent());
			UiLocales.apply(ui, locale);
			ConnectionStatus.install(ui, locale);
			ui.addBeforeEnterListener((enter) -> {
				String target = enter.getLocation().getPath();
				if (currentUser.mustChangePassword() && !currentUser.passwordChangeRoute().equals(target)) {
					enter.rerouteTo(currentUser.passwordChangeRoute());
				}
			});
		});
	}

	Locale chooseLocale(UI ui, VaadinRequest request) {
		var stored = currentUser.storedLocale();
		if (stored.isPresent()) {
			return languages.bestMatch(stored.get());
		}
		Locale chosen = UiLocales.sessionLocale(ui.getSession());
		if (chosen != null) {
			return languages.bestMatch(chosen);
		}
		List<Locale> preferences = request == null ? List.of()
				: Collections.list(request.getLocales()).stream().toList();
		return languages.bestMatch(preferences);
	}

}
