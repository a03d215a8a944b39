package org.lepha.academy.learning.ui;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.learning.LearningException;
import org.lepha.academy.learning.ScenarioService;
import org.lepha.academy.learning.QuizSession;
import org.lepha.academy.learning.ScenarioView;
import org.lepha.academy.security.Role;

/**
 * Plays a branching scenario: the situation, the choices on offer, the feedback on each
 * choice, and at the end the rating, the debrief, the path taken and the lessons to
 * revisit. Every step is recorded as it is taken.
 */
@Route("learn/:moduleId/scenario/:scenarioId")
@RolesAllowed(Role.Names.CADET)
class ScenarioPlayerView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final ScenarioService scenarios;

	private String title = "";

	private String moduleId;

	ScenarioPlayerView(ScenarioService scenarios) {
		this.scenarios = scenarios;
		addClassName("scenario-view");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		moduleId = event.getRouteParameters().get("moduleId").orElse("");
		String scenarioId = event.getRouteParameters().get("scenarioId").orElse("");
		show(scenarios.startScenario(moduleId, scenarioId, getLocale()));
	}

	private void show(ScenarioView view) {
		removeAll();
		title = view.title();
		add(new H1(view.title()));
		if (view.feedback() != null) {
			Paragraph feedback = new Paragraph(view.feedback());
			feedback.addClassName("choice-feedback");
			feedback.setId("choice-feedback");
			add(feedback);
		}
		if (view.ending() != null) {
			showEnding(view);
			return;
		}
		Div situation = new Div(new Html("<div>" + view.situationHtml() + "</div>"));
		situation.addClassName("situation");
		situation.setId("situation");
		add(situation);
		if (view.imageUrl() != null) {
			Image image = new Image(view.imageUrl(), "");
			image.getElement().setAttribute("loading", "lazy");
			add(image);
		}
		add(new H2(getTranslation("scenario.whatDoYouDo")));
		for (QuizSession.Choice choice : view.choices()) {
			Button button = new Button(choice.text(), (e) -> {
				try {
					show(scenarios.choose(view.runId(), choice.id(), getLocale()));
				}
				catch (LearningException ex) {
					show(scenarios.scenario(view.runId(), getLocale()));
				}
			});
			button.setId("choice-" + choice.id());
			button.addClassName("scenario-choice");
			button.setWidthFull();
			add(button);
		}
	}

	private void showEnding(ScenarioView view) {
		ScenarioView.EndingView ending = view.ending();
		Span rating = new Span(getTranslation("rating." + ending.rating()));
		rating.setId("ending-rating");
		rating.getElement().getThemeList().add("badge " + switch (ending.rating()) {
			case "EXEMPLARY" -> "success";
			case "ACCEPTABLE" -> "contrast";
			default -> "error";
		});
		add(new H2(ending.title()), rating, new Paragraph(ending.text()));
		add(new H2(getTranslation("scenario.debrief")));
		Div debrief = new Div(new Html("<div>" + ending.debriefHtml() + "</div>"));
		debrief.setId("debrief");
		add(debrief);
		add(new H2(getTranslation("scenario.path")));
		OrderedList path = new OrderedList();
		ending.path().forEach((step) -> path.add(new ListItem(step)));
		add(path);
		add(new H2(getTranslation("scenario.revisit")));
		for (QuizSession.Choice lesson : ending.lessons()) {
			// The lesson's route without a section opens its first section.
			String href = "learn/" + moduleId + "/lesson/" + lesson.id();
			add(new Anchor(href, lesson.text()));
		}
		Button again = new Button(getTranslation("scenario.playAgain"),
				(e) -> show(scenarios.startScenario(moduleId, view.scenarioId(), getLocale())));
		again.setId("play-again");
		Button back = new Button(getTranslation("lesson.backToModule"), (e) -> getUI()
			.ifPresent((ui) -> ui.navigate(ModuleView.class, new RouteParameters("moduleId", moduleId))));
		back.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		back.setId("back-to-module");
		add(again, back);
	}

	@Override
	public String getPageTitle() {
		return title;
	}

}
