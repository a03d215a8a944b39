package org.lepha.academy.base.ui;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/**
 * The frame around every signed-in page: navigation for the user's roles, the language
 * menu and a "Log out" button that is always in view (academies share computers).
 */
@Layout
@AnonymousAllowed
public class MainLayout extends AppLayout {

	public MainLayout(List<NavigationEntry> entries, CurrentUserSettings currentUser, LanguageMenu languageMenu) {
		setPrimarySection(Section.NAVBAR);
		DrawerToggle toggle = new DrawerToggle();
		toggle.setAriaLabel(getTranslation("layout.menu"));
		Span title = new Span(getTranslation("app.name"));
		title.addClassName("app-title");

		HorizontalLayout tools = new HorizontalLayout();
		tools.setAlignItems(FlexComponent.Alignment.CENTER);
		tools.addClassName("app-tools");
		currentUser.displayName().ifPresent((name) -> {
			Span user = new Span(name);
			user.addClassName("app-user");
			tools.add(user);
		});
		tools.add(languageMenu);
		if (currentUser.displayName().isPresent()) {
			Button logout = new Button(getTranslation("layout.logout"), VaadinIcon.SIGN_OUT.create(),
					(e) -> currentUser.logout());
			logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
			logout.setId("logout");
			tools.add(logout);
		}
		addToNavbar(toggle, title, tools);

		SideNav nav = new SideNav();
		nav.setLabel(getTranslation("layout.navigation"));
		entries.stream()
			.filter((entry) -> currentUser.hasAnyRole(entry.roles()))
			.sorted(Comparator.comparingInt(NavigationEntry::order))
			.forEach((entry) -> nav
				.addItem(new SideNavItem(getTranslation(entry.labelKey()), entry.view(), entry.icon().create())));
		addToDrawer(nav);
		if (currentUser.displayName().isPresent()) {
			addToDrawer(dataSaver(currentUser));
		}
	}

	/**
	 * The data saver switch, with the other per-user settings of the frame: on a slow or
	 * costly line lesson images then load only on request.
	 */
	private Checkbox dataSaver(CurrentUserSettings currentUser) {
		Checkbox saver = new Checkbox(getTranslation("datasaver.label"), currentUser.dataSaver());
		saver.setId("data-saver");
		saver.addClassName("data-saver");
		saver.setHelperText(getTranslation("datasaver.helper"));
		saver.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				currentUser.saveDataSaver(event.getValue());
			}
		});
		return saver;
	}

	/** Applies a newly chosen language to the current page. */
	static void switchTo(UI ui, Locale locale) {
		UiLocales.apply(ui, locale);
		ui.getPage().reload();
	}

}
