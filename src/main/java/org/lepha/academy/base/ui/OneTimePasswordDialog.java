package org.lepha.academy.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * Shows a one-time password once, to be copied or written down and handed to its user
 * (after a password reset). The password is in a read-only field, so it can be selected
 * even where the browser refuses the clipboard (plain HTTP); it is passed to the
 * clipboard call as a parameter, never as code.
 */
public class OneTimePasswordDialog extends Dialog {

	public OneTimePasswordDialog(String fullName, String username, String password) {
		setHeaderTitle(getTranslation("otp.title"));
		Paragraph intro = new Paragraph(getTranslation("otp.intro", fullName, username));
		TextField field = new TextField(getTranslation("otp.password"));
		field.setId("one-time-password");
		field.setValue(password);
		field.setReadOnly(true);
		field.setWidth("16rem");
		// Same look in every language: the password is Latin letters and digits.
		field.getStyle().set("direction", "ltr").set("font-family", "monospace");
		Button copy = new Button(getTranslation("otp.copy"), (e) -> {
			field.getElement().executeJs("navigator.clipboard && navigator.clipboard.writeText($0)", password);
			Notification.show(getTranslation("otp.copied"));
		});
		copy.setId("one-time-password-copy");
		HorizontalLayout row = new HorizontalLayout(field, copy);
		row.setAlignItems(HorizontalLayout.Alignment.BASELINE);
		add(intro, row);
		Button close = new Button(getTranslation("otp.close"), (e) -> close());
		close.setId("one-time-password-close");
		close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		getFooter().add(close);
		// The password must not linger in the page after the dialog is closed.
		addOpenedChangeListener((e) -> {
			if (!e.isOpened()) {
				field.clear();
				removeFromParent();
			}
		});
	}

}
