package org.lepha.academy.learning.ui;

import java.util.List;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.learning.CohortJoining;
import org.lepha.academy.learning.LearningService;
import org.lepha.academy.learning.ModuleCard;
import org.lepha.academy.security.Role;

/**
 * The cadet's home: assigned modules with due dates (overdue ones marked), status and
 * progress, a "Continue" button each; then the other published modules.
 */
@Route("learn")
@RolesAllowed(Role.Names.CADET)
public class CadetHomeView extends VerticalLayout implements HasDynamicTitle {

	private final LocalizedFormats formats;

	CadetHomeView(LearningService learning, CohortJoining joining, LocalizedFormats formats) {
		this.formats = formats;
		addClassName("cadet-home");
		List<ModuleCard> cards = learning.myModules(getLocale());
		add(new H1(getTranslation("cadetHome.title")));
		List<ModuleCard> assigned = cards.stream().filter(ModuleCard::assigned).toList();
		List<ModuleCard> others = cards.stream().filter((c) -> !c.assigned()).toList();
		add(new H2(getTranslation("cadetHome.assigned")));
		if (assigned.isEmpty()) {
			add(new Paragraph(getTranslation("cadetHome.noneAssigned")));
			TextField code = new TextField(getTranslation("cadetHome.joinCode"));
			code.setMaxLength(TextLimits.JOIN_CODE);
			code.setId("join-code-input");
			Button join = new Button(getTranslation("cadetHome.join"), (e) -> {
				try {
					joining.join(code.getValue());
					getUI().ifPresent((ui) -> ui.getPage().reload());
				}
				catch (RuntimeException ex) {
					Notification.show(getTranslation(joining.messageKey(ex)));
				}
			});
			add(new HorizontalLayout(code, join));
		}
		Div grid = new Div();
		grid.addClassName("module-cards");
		assigned.forEach((c) -> grid.add(card(c)));
		add(grid);
		if (!others.isEmpty()) {
			add(new H2(getTranslation("cadetHome.otherModules")));
			Div more = new Div();
			more.addClassName("module-cards");
			others.forEach((c) -> more.add(card(c)));
			add(more);
		}
	}

	private Div card(ModuleCard card) {
		Div box = new Div();
		box.addClassName("module-card");
		box.setId("module-" + card.moduleId());
		H3 title = new H3(card.title());
		Paragraph summary = new Paragraph(card.summary());
		Span status = new Span(getTranslation("status." + card.status().name()));
		status.getElement().getThemeList().add("badge" + (card.status().name().equals("COMPLETED") ? " success" : ""));
		HorizontalLayout meta = new HorizontalLayout(status);
		if (card.dueDate() != null) {
			Span due = new Span(getTranslation("cadetHome.due", formats.date(card.dueDate(), getLocale())));
			if (card.overdue()) {
				due.setText(getTranslation("cadetHome.overdue", formats.date(card.dueDate(), getLocale())));
				due.getElement().getThemeList().add("badge error");
				due.addClassName("overdue");
			}
			meta.add(due);
		}
		if (card.fallbackText()) {
			meta.add(fallbackMarker());
		}
		ProgressBar bar = new ProgressBar(0, 100, card.progressPercent());
		bar.getElement().setAttribute("aria-label", getTranslation("cadetHome.progress", card.progressPercent()));
		Span percent = new Span(getTranslation("cadetHome.progress", card.progressPercent()));
		Button go = new Button(
				getTranslation(card.status().name().equals("NOT_STARTED") ? "cadetHome.start" : "cadetHome.continue"),
				(e) -> getUI().ifPresent(
						(ui) -> ui.navigate(ModuleView.class, new RouteParameters("moduleId", card.moduleId()))));
		go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		go.setId("open-" + card.moduleId());
		box.add(title, meta, summary, bar, percent, go);
		return box;
	}

	private Span fallbackMarker() {
		Span marker = new Span(getTranslation("learning.englishFallback"));
		marker.addClassName("fallback-marker");
		return marker;
	}

	@Override
	public String getPageTitle() {
		return getTranslation("cadetHome.title");
	}

}
