package org.lepha.academy.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.NotFoundException;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/**
 * An address that names no page (or a page the user's roles do not include: Vaadin
 * answers both alike, so the pages for other roles are not revealed). Open to anyone: it
 * shows nothing but the explanation.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NotFoundView extends ErrorPage implements HasErrorParameter<NotFoundException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<NotFoundException> parameter) {
		return show(event, parameter, HttpServletResponse.SC_NOT_FOUND, "errorPage.notFound.title",
				"errorPage.notFound.text");
	}

}
