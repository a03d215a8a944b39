package org.lepha.academy.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;
import org.lepha.academy.base.RefusedException;

/**
 * A page a feature refused to open with its own reason (a module that is not there for
 * this cadet, a scenario that ended): the reason, translated, inside the app's frame.
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class RefusedView extends ErrorPage implements HasErrorParameter<RefusedException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<RefusedException> parameter) {
		return show(event, parameter, HttpServletResponse.SC_FORBIDDEN, "errorPage.refused.title",
				parameter.getException().messageKey());
	}

}
