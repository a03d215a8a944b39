package org.lepha.academy.base.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;

/**
 * A page the services refused to open for this user: another trainer's cohort, a cadet
 * not in the trainer's cohorts, a language the translator is not assigned. Unknown ids
 * are refused the same way on purpose (a trainer must not learn which cohort numbers
 * exist), so the text says "no access, or it does not exist".
 */
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class NoAccessView extends ErrorPage implements HasErrorParameter<AccessDeniedException> {

	@Override
	public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
		return show(event, parameter, HttpServletResponse.SC_FORBIDDEN, "errorPage.noAccess.title",
				"errorPage.noAccess.text");
	}

}
