package org.lepha.academy.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address whose parameters do not make sense: a number that is not one
 * ({@code /cohorts/abc}), a module, lesson or language that is not served. The services
 * refuse those with {@link IllegalArgumentException} (a {@link NumberFormatException}
 * among them); while a page opens that means the address is wrong.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class BadParameterView extends ErrorPage implements HasErrorParameter<IllegalArgumentException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<IllegalArgumentException> parameter) {
		return show(event, parameter, HttpServletResponse.SC_BAD_REQUEST, "errorPage.badParameter.title",
				"errorPage.badParameter.text");
	}

}
