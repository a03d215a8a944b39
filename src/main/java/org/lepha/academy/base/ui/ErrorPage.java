package org.lepha.academy.base.ui;

import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.RouterLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the error views share: a translated title and explanation inside the app's frame,
 * a link to the start page, and one WARN line in the log. Never the exception's text (it
 * names internals, and for a refused id it would tell apart "exists" from "not yours"),
 * and never a stack trace: anyone can type a wrong address, and a trace per request would
 * let them flood the log.
 */
abstract class ErrorPage extends VerticalLayout implements HasDynamicTitle {

	private static final Logger log = LoggerFactory.getLogger(ErrorPage.class);

	/** The longest piece of an address or exception text written to the log. */
	private static final int LOGGED_LENGTH = 200;

	private String title = "";

	ErrorPage() {
		setId("error-page");
	}

	/**
	 * Shows the page and logs the failure.
	 * @return the HTTP status of the response
	 */
	protected int show(BeforeEnterEvent event, ErrorParameter<?> parameter, int status, String titleKey, String textKey,
			Object... arguments) {
		log.warn("{} {} for /{}: {}", status, getClass().getSimpleName(),
				loggable(event.getLocation().getPathWithQueryParameters()),
				loggable(String.valueOf(parameter.getCaughtException())));
		removeAll();
		this.title = getTranslation(titleKey);
		Paragraph text = new Paragraph(getTranslation(textKey, arguments));
		text.setId("error-text");
		RouterLink home = new RouterLink(getTranslation("errorPage.home"), HomeView.class);
		home.setId("error-home");
		add(new H1(this.title), text, home);
		return status;
	}

	/** One line, bounded: the address is what the client sent (a forged log line). */
	static String loggable(String text) {
		String oneLine = text.replaceAll("\\p{Cntrl}", "?");
		return oneLine.length() <= LOGGED_LENGTH ? oneLine : oneLine.substring(0, LOGGED_LENGTH) + "…";
	}

	@Override
	public String getPageTitle() {
		return this.title;
	}

}
