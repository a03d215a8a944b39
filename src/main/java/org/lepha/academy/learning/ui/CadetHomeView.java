package org.lepha.academy.learning.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccountService;

/**
 * The cadet's home: their modules.
 */
@Route("learn")
@RolesAllowed(Role.Names.CADET)
public class CadetHomeView extends VerticalLayout implements HasDynamicTitle {

	CadetHomeView(UserAccountService accounts) {
		String name = accounts.currentUser().map((u) -> u.fullName()).orElse("");
		add(new H1(getTranslation("cadetHome.title")), new Paragraph(getTranslation("cadetHome.welcome", name)));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("cadetHome.title");
	}

}
