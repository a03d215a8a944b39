package org.lepha.academy.security.ui;

import java.util.stream.Collectors;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

/**
 * The administrator's home: every account with its roles and language.
 */
@Route("admin/users")
@RolesAllowed(Role.Names.ADMIN)
public class UsersView extends VerticalLayout implements HasDynamicTitle {

	UsersView(UserAccountService accounts, UiTranslationProvider strings) {
		setSizeFull();
		Grid<UserAccount> grid = new Grid<>();
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
		add(new H1(getTranslation("users.title")), grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("users.title");
	}

}
