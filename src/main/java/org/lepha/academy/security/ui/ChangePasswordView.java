package org.lepha.academy.security.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.lepha.academy.base.ui.CurrentUserSettings;
import org.lepha.academy.security.PasswordRejectedException;
import org.lepha.academy.security.UserAccountService;

/**
 * Change one's password; cadets with a one-time password from a CSV import or a reset
 * land here first. Also ends the user's other sessions on request.
 */
@Route("password")
@PermitAll
class ChangePasswordView extends VerticalLayout implements HasDynamicTitle {

	ChangePasswordView(UserAccountService accounts, CurrentUserSettings currentUser) {
		setMaxWidth("32rem");
		PasswordField current = new PasswordField(getTranslation("password.current"));
		PasswordField fresh = new PasswordField(getTranslation("password.new"));
		fresh.setHelperText(getTranslation("password.rule.full", UserAccountService.MIN_PASSWORD_LENGTH));
		PasswordField repeat = new PasswordField(getTranslation("password.repeat"));
		for (PasswordField field : new PasswordField[] { current, fresh, repeat }) {
			field.setWidthFull();
			field.setRequired(true);
		}
		current.setId("password-current");
		fresh.setId("password-new");
		repeat.setId("password-repeat");
		Button save = new Button(getTranslation("password.save"), (e) -> {
			repeat.setInvalid(false);
			current.setInvalid(false);
			fresh.setInvalid(false);
			if (!fresh.getValue().equals(repeat.getValue())) {
				repeat.setErrorMessage(getTranslation("password.error.mismatch"));
				repeat.setInvalid(true);
				return;
			}
			try {
				accounts.changeMyPassword(current.getValue(), fresh.getValue());
				currentUser.refresh();
				Notification.show(getTranslation("password.changed"));
				getUI().ifPresent((ui) -> ui.navigate(""));
			}
			catch (PasswordRejectedException ex) {
				PasswordField field = ex.messageKey().startsWith("password.error.current")
						|| "password.error.throttled".equals(ex.messageKey()) ? current : fresh;
				field.setErrorMessage(getTranslation(ex.messageKey(), UserAccountService.MIN_PASSWORD_LENGTH));
				field.setInvalid(true);
			}
		});
		save.setId("password-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H1(getTranslation("password.title")));
		if (currentUser.mustChangePassword()) {
			add(new Paragraph(getTranslation("password.required")));
		}
		add(current, fresh, repeat, save);

		Paragraph everywhereHelp = new Paragraph(getTranslation("password.everywhere.help"));
		Button everywhere = new Button(getTranslation("password.everywhere.button"), (e) -> {
			int ended = accounts.signOutEverywhereElse();
			Notification.show(getTranslation("password.everywhere.done", ended));
		});
		everywhere.setId("sign-out-everywhere");
		add(new H2(getTranslation("password.everywhere.title")), everywhereHelp, everywhere);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("password.title");
	}

}
