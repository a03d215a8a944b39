package org.lepha.academy.security.ui;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.base.ui.OneTimePasswordDialog;
import org.lepha.academy.security.AccountAdministration;
import org.lepha.academy.security.AccountException;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.OneTimePassword;
import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SignInLock;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

/**
 * The administrator's home: every account with its roles and language; new staff accounts
 * (administrators, trainers, translators with their languages) with a one-time password;
 * password resets, deactivation and reactivation, and the sign-in locks with unlocking.
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

	private final UserAccountService accounts;

	private final Languages languages;

	private final UiTranslationProvider strings;

	private final AccountAdministration administration;

	private final LocalizedFormats formats;

	private final Grid<UserAccount> grid = new Grid<>();

	private final Checkbox showDeactivated = new Checkbox();

	UsersView(UserAccountService accounts, AccountAdministration administration, Languages languages,
			UiTranslationProvider strings, LocalizedFormats formats) {
		this.accounts = accounts;
		this.administration = administration;
		this.languages = languages;
		this.strings = strings;
		this.formats = formats;
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
		grid.addColumn((u) -> getTranslation(u.enabled() ? "users.active" : "users.deactivated"))
			.setHeader(getTranslation("users.status"))
			.setKey("status");
		grid.addComponentColumn(this::actions)
			.setHeader(getTranslation("cohort.actions"))
			.setKey("actions")
			.setAutoWidth(true);
		Button create = new Button(getTranslation("users.new"), (e) -> openNewUser());
		create.setId("new-user");
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button locks = new Button(getTranslation("users.locks"), (e) -> openLocks());
		locks.setId("sign-in-locks");
		// Deactivated accounts leave the list (as they leave cohort rosters) unless asked
		// for.
		showDeactivated.setLabel(getTranslation("users.showDeactivated"));
		showDeactivated.setId("show-deactivated");
		showDeactivated.addValueChangeListener((e) -> refresh());
		HorizontalLayout tools = new HorizontalLayout(create, locks, showDeactivated);
		tools.setAlignItems(HorizontalLayout.Alignment.BASELINE);
		add(new H1(getTranslation("users.title")), tools, grid);
	}

	/**
	 * Vaadin keeps this view when the admin navigates to it again (the start route
	 * forwards here too), so the list is read again on every entry, not only when it is
	 * built.
	 */
	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		refresh();
	}

	private void refresh() {
		grid.setItems(accounts.listUsers().stream().filter((u) -> u.enabled() || showDeactivated.getValue()).toList());
	}

	private HorizontalLayout actions(UserAccount user) {
		Button reset = new Button(getTranslation("users.resetPassword"), (e) -> {
			OneTimePassword password = administration.resetPassword(user.id());
			new OneTimePasswordDialog(password.fullName(), password.username(), password.password()).open();
		});
		reset.setId("reset-" + user.username());
		Button toggle;
		if (user.enabled()) {
			toggle = new Button(getTranslation("users.deactivate"), (e) -> confirmDeactivation(user));
			toggle.setId("deactivate-" + user.username());
			toggle.addThemeVariants(ButtonVariant.LUMO_ERROR);
		}
		else {
			toggle = new Button(getTranslation("users.reactivate"), (e) -> {
				administration.reactivate(user.id());
				Notification.show(getTranslation("users.reactivated.done", user.username()));
				refresh();
			});
			toggle.setId("reactivate-" + user.username());
		}
		// One's own account is changed on the password page; the service refuses it
		// here.
		boolean me = UserAccountService.currentUserId().map((id) -> id == user.id()).orElse(false);
		reset.setEnabled(!me);
		toggle.setEnabled(!me);
		for (Button button : List.of(reset, toggle)) {
			button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
		}
		return new HorizontalLayout(reset, toggle);
	}

	private void confirmDeactivation(UserAccount user) {
		ConfirmDialog confirm = new ConfirmDialog();
		confirm.setId("confirm-deactivation");
		confirm.setHeader(getTranslation("users.deactivate"));
		confirm.setText(getTranslation("users.deactivate.confirm", user.username()));
		confirm.setCancelable(true);
		confirm.setCancelText(getTranslation("cohort.cancel"));
		confirm.setConfirmText(getTranslation("users.deactivate"));
		confirm.setConfirmButtonTheme("error primary");
		confirm.addConfirmListener((e) -> {
			try {
				administration.deactivate(user.id());
				Notification.show(getTranslation("users.deactivated.done", user.username()));
			}
			catch (AccountException ex) {
				Notification.show(getTranslation(ex.messageKey()));
			}
			refresh();
		});
		confirm.open();
	}

	private void openLocks() {
		Dialog dialog = new Dialog();
		dialog.setHeaderTitle(getTranslation("users.locks"));
		Grid<SignInLock> locks = new Grid<>();
		locks.setId("locks-grid");
		ZoneId zone = ZoneId.systemDefault();
		locks.addColumn((l) -> getTranslation("users.locks." + l.kind().name()))
			.setHeader(getTranslation("users.locks.kind"));
		locks.addColumn(SignInLock::key).setHeader(getTranslation("users.locks.key"));
		locks.addColumn(SignInLock::failures).setHeader(getTranslation("users.locks.failures"));
		locks.addColumn((l) -> formats.dateTime(l.lockedUntil(), zone, getLocale()))
			.setHeader(getTranslation("users.locks.until"));
		Paragraph none = new Paragraph(getTranslation("users.locks.none"));
		none.setId("locks-none");
		Runnable refreshLocks = () -> {
			List<SignInLock> current = administration.signInLocks();
			locks.setItems(current);
			none.setVisible(current.isEmpty());
		};
		locks.addComponentColumn((l) -> {
			Button unlock = new Button(getTranslation("users.unlock"), (e) -> {
				administration.unlock(l.kind(), l.key());
				Notification.show(getTranslation("users.unlocked", l.key()));
				refreshLocks.run();
			});
			unlock.setId("unlock-" + l.kind().name().toLowerCase(Locale.ROOT) + "-" + l.key());
			unlock.addThemeVariants(ButtonVariant.LUMO_SMALL);
			return unlock;
		}).setKey("unlock");
		refreshLocks.run();
		dialog.setWidth("48rem");
		dialog.add(none, locks);
		dialog.getFooter().add(new Button(getTranslation("users.close"), (e) -> dialog.close()));
		dialog.open();
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
				refresh();
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
