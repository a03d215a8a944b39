package org.lepha.academy.cohorts.ui;

import java.util.Set;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.text.RefusedTextException;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

/**
 * Administrators manage academies and their trainers.
 */
@Route("admin/academies")
@RolesAllowed(Role.Names.ADMIN)
class AcademiesView extends VerticalLayout implements HasDynamicTitle {

	AcademiesView(CohortService cohorts, UserAccountService accounts) {
		Grid<Academy> grid = new Grid<>();
		grid.setId("academies-grid");
		grid.addColumn(Academy::name).setHeader(getTranslation("academies.name"));
		grid.setItems(cohorts.academiesForNewCohorts(null));
		grid.setAllRowsVisible(true);

		TextField name = new TextField(getTranslation("academies.name"));
		name.setMaxLength(TextLimits.NAME);
		name.setId("academy-name");
		Button create = new Button(getTranslation("academies.create"), (e) -> {
			if (!name.getValue().isBlank()) {
				cohorts.createAcademy(name.getValue());
				name.clear();
				grid.setItems(cohorts.academiesForNewCohorts(null));
			}
		});
		create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

		Select<Academy> academy = new Select<>();
		academy.setLabel(getTranslation("academies.name"));
		academy.setItems(cohorts.academiesForNewCohorts(null));
		academy.setItemLabelGenerator(Academy::name);
		TextField username = new TextField(getTranslation("users.username"));
		username.setMaxLength(TextLimits.USERNAME);
		TextField fullName = new TextField(getTranslation("users.fullName"));
		fullName.setMaxLength(TextLimits.FULL_NAME);
		Paragraph credentials = new Paragraph();
		credentials.setId("trainer-credentials");
		Button addTrainer = new Button(getTranslation("academies.addTrainer"), (e) -> {
			if (academy.getValue() == null) {
				return;
			}
			String password = OneTimePasswords.generate();
			try {
				UserAccount trainer = accounts.createUser(new NewUser(username.getValue(), fullName.getValue(), null,
						getLocale(), Set.of(Role.TRAINER), academy.getValue().id(), password, true));
				credentials.setText(getTranslation("users.created", trainer.username(), password));
				username.clear();
				fullName.clear();
			}
			catch (RefusedTextException ex) {
				Notification.show(getTranslation(ex.messageKey(), ex.arguments()));
			}
			catch (IllegalArgumentException | org.springframework.dao.DuplicateKeyException ex) {
				Notification.show(getTranslation("users.error.invalid"));
			}
		});
		add(new H1(getTranslation("academies.title")), grid, new HorizontalLayout(name, create),
				new H2(getTranslation("academies.addTrainer")), new HorizontalLayout(academy, username, fullName),
				addTrainer, credentials);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("academies.title");
	}

}
