package org.lepha.academy.base.ui;

import java.util.Comparator;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * The start page: sends each user to the home view of their main role.
 */
@Route("")
@PermitAll
class HomeView extends Div implements BeforeEnterObserver {

	private final List<NavigationEntry> entries;

	private final CurrentUserSettings currentUser;

	HomeView(List<NavigationEntry> entries, CurrentUserSettings currentUser) {
		this.entries = entries;
		this.currentUser = currentUser;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		entries.stream()
			.filter((entry) -> entry.homeRank() != Integer.MAX_VALUE && currentUser.hasAnyRole(entry.roles()))
			.min(Comparator.comparingInt(NavigationEntry::homeRank))
			.ifPresentOrElse((entry) -> event.forwardTo(entry.view()), () -> event.forwardTo(NoRoleView.class));
	}

}
