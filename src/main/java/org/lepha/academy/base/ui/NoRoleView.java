package org.lepha.academy.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/**
 * Shown to a signed-in account that has no role yet.
 */
@Route("no-role")
@PermitAll
class NoRoleView extends VerticalLayout implements HasDynamicTitle {

	NoRoleView() {
		add(new H1(getTranslation("noRole.title")), new Paragraph(getTranslation("noRole.text")));
	}

	@Override
	public String getPageTitle() {
		return getTranslation("noRole.title");
	}

}
