package org.lepha.academy.security.ui;

import java.util.List;
import java.util.Map;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.spring.security.AuthenticationContext;
import org.lepha.academy.base.ui.LanguageMenu;

/**
 * Sign-in page, in the browser's language until the user picks another. The same message
 * for a wrong password and an unknown user name (no enumeration); a distinct one when
 * sign-in is throttled, so an honest user knows to wait.
 */
@Route(value = "login", autoLayout = false)
@AnonymousAllowed
public class LoginView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final LoginForm form = new LoginForm();

	private final AuthenticationContext authentication;

	public LoginView(LanguageMenu languageMenu, AuthenticationContext authentication) {
		this.authentication = authentication;
		addClassName("login-view");
		setSizeFull();
		setAlignItems(FlexComponent.Alignment.CENTER);
		setJustifyContentMode(FlexComponent.JustifyContentMode.CENTER);
		form.setAction("login");
		form.setForgotPasswordButtonVisible(false);
		form.setI18n(i18n(null));
		HorizontalLayout languageBar = new HorizontalLayout(languageMenu);
		languageBar.addClassName("login-language");
		H1 title = new H1(getTranslation("app.name"));
		title.addClassName("login-title");
		Paragraph tagline = new Paragraph(getTranslation("login.tagline"));
		add(languageBar, title, tagline, form);
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		if (authentication.isAuthenticated()) {
			event.forwardTo("");
			return;
		}
		Map<String, List<String>> query = event.getLocation().getQueryParameters().getParameters();
		if (query.containsKey("throttled")) {
			form.setI18n(i18n("login.error.throttled"));
			form.setError(true);
		}
		else if (query.containsKey("deactivated")) {
			form.setI18n(i18n("login.error.deactivated"));
			form.setError(true);
		}
		else if (query.containsKey("error")) {
			form.setI18n(i18n("login.error.credentials"));
			form.setError(true);
		}
	}

	private LoginI18n i18n(String errorKey) {
		LoginI18n i18n = LoginI18n.createDefault();
		LoginI18n.Form texts = i18n.getForm();
		texts.setTitle(getTranslation("login.title"));
		texts.setUsername(getTranslation("login.username"));
		texts.setPassword(getTranslation("login.password"));
		texts.setSubmit(getTranslation("login.submit"));
		LoginI18n.ErrorMessage error = i18n.getErrorMessage();
		error.setTitle(getTranslation("login.error.title"));
		error.setMessage(getTranslation(errorKey == null ? "login.error.credentials" : errorKey));
		error.setUsername(getTranslation("login.error.usernameRequired"));
		error.setPassword(getTranslation("login.error.passwordRequired"));
		return i18n;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("login.title") + " | " + getTranslation("app.name");
	}

}
