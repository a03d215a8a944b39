package org.lepha.academy.security.ui;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

/**
 * The administrator's home: every account with its roles and language; new staff accounts
 * (administrators, trainers, translators with their languages) with a one-time password.
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

	private final UserAccountService accounts;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final Grid<UserAccount> grid = new Grid<>();

	UsersView(UserAccountService accounts, Languages languages, UiTranslationProvider strings) {
		this.accounts = accounts;
		this.languages = languages;
		this.strings = strings;
		setSizeFull();
		grid.setId("users-grid");
		grid.addColumn(UserAccount::username).setHeader(getTranslation("users.username")).setSortable(true);
		grid.addColumn(UserAccount::fullName).setHeader(getTranslation("users.fullName")).setSortable(true);
		grid.addColumn((u) -> u.roles()
			.stream()
			.sorted()
			.map((r) -> getTranslation("role." + r.name()))
			.collect(Collectors.joining(", "))).setHeader(getTranslation("users.roles"));
		grid.addColumn((u) -> strings.languageName(u.locale())).setHeader(getTranslation("users.language"));
		grid.setItems(accounts.listUsers());
		Button create = new Button(getTranslation("users.new"), (e) -> openNewUser());
		create.setId("new-user");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		add(new H1(getTranslation("users.title")), create, grid);
	}

	private void openNewUser() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("users.new"));
		TextField username = new TextField(getTranslation("users.username"));
		username.setMaxLength(TextLimits.USERNAME);
		TextField fullName = new TextField(getTranslation("users.fullName"));
		fullName.setMaxLength(TextLimits.FULL_NAME);
		Select<Role> role = new Select<>();
		role.setLabel(getTranslation("users.roles"));
		role.setItems(Role.ADMIN, Role.TRAINER, Role.TRANSLATOR);
		role.setItemLabelGenerator((r) -> getTranslation("role." + r.name()));
		role.setValue(Role.TRANSLATOR);
		Select<Locale> language = new Select<>();
		language.setLabel(getTranslation("users.language"));
		language.setItems(languages.all());
		language.setItemLabelGenerator(strings::languageName);
		language.setValue(languages.bestMatch(getLocale()));
		CheckboxGroup<Locale> translates = new CheckboxGroup<>(getTranslation("users.translates"));
		translates.setItems(languages.all().stream().filter((l) -> !l.equals(languages.fallback())).toList());
		translates.setItemLabelGenerator(strings::languageName);
		translates.setVisible(true);
		role.addValueChangeListener((e) -> translates.setVisible(e.getValue() == Role.TRANSLATOR));
		Button save = new Button(getTranslation("cohort.save"), (e) -> {
			String password = OneTimePasswords.generate();
			try {
				UserAccount created = accounts.createUser(new NewUser(username.getValue(), fullName.getValue(), null,
						language.getValue(), Set.of(role.getValue()), null, password, true));
				if (role.getValue() == Role.TRANSLATOR) {
					translates.getValue().forEach((l) -> accounts.assignTranslatorLocale(created.id(), l));
				}
				dialog.removeAll();
				dialog.getFooter().removeAll();
				Paragraph shown = new Paragraph(getTranslation("users.created", created.username(), password));
				shown.setId("created-credentials");
				dialog.add(shown);
				dialog.getFooter().add(new Button(getTranslation("users.close"), (c) -> dialog.close()));
				grid.setItems(accounts.listUsers());
			}
			catch (org.lepha.academy.base.text.RefusedTextException ex) {
				Notification.show(getTranslation(ex.messageKey(), ex.arguments()));
			}
			catch (IllegalArgumentException | org.springframework.dao.DuplicateKeyException ex) {
				Notification.show(getTranslation("users.error.invalid"));
			}
		});
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		dialog.add(new VerticalLayout(username, fullName, role, language, translates));
		dialog.getFooter().add(new Button(getTranslation("cohort.cancel"), (e) -> dialog.close()), save);
		dialog.open();
	}

	@Override
	public String getPageTitle() {
		return getTranslation("users.title");
	}

}
