package org.lepha.academy.cohorts.ui;

import java.time.ZoneId;
import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.ClassroomRuns;
import org.lepha.academy.cohorts.CohortService.AssignableModule;
import org.lepha.academy.cohorts.ScenarioAnalytics;
import org.lepha.academy.cohorts.ScenarioDiagram;

/**
 * The cohort's choices and endings in a module's scenarios, drawn as SVG images. The SVG
 * is shown through an {@code <img>} with a {@code data:} URL, where a browser runs no
 * script and follows no link.
 */
class ScenariosTab extends VerticalLayout {

	private final long cohortId;

	private final ScenarioAnalytics analytics;

	private final LocalizedFormats formats;

	private final Div diagrams = new Div();

	ScenariosTab(long cohortId, List<AssignableModule> modules, ScenarioAnalytics analytics, LocalizedFormats formats) {
		this.cohortId = cohortId;
		this.analytics = analytics;
		this.formats = formats;
		Select<AssignableModule> module = new Select<>();
		module.setId("scenarios-module");
		module.setLabel(getTranslation("analysis.module"));
		module.setItems(modules);
		module.setItemLabelGenerator(AssignableModule::title);
		module.addValueChangeListener((e) -> show(e.getValue()));
		diagrams.setId("scenario-diagrams");
		diagrams.setWidthFull();
		add(module, diagrams);
		setWidthFull();
		if (!modules.isEmpty()) {
			module.setValue(modules.get(0));
		}
	}

	/** The endings as text too, for screen readers and for copying. */
	private UnorderedList endings(ScenarioAnalytics.ScenarioStats stats) {
		UnorderedList list = new UnorderedList();
		list.addClassName("scenario-endings");
		for (ScenarioAnalytics.EndingStats ending : stats.endings()) {
			list.add(new ListItem(getTranslation("rating." + ending.rating().name()) + " · " + ending.title() + ": "
					+ ScenarioDiagram.endingLabel(ending, getLocale())));
		}
		return list;
	}

	private void show(AssignableModule module) {
		diagrams.removeAll();
		if (module == null) {
			return;
		}
		List<ScenarioAnalytics.ScenarioStats> scenarios = analytics.scenarios(cohortId, module.moduleId(), getLocale());
		if (scenarios.isEmpty()) {
			diagrams.add(new Paragraph(getTranslation("scenarios.none")));
		}
		for (ScenarioAnalytics.ScenarioStats stats : scenarios) {
			Image image = new Image(ScenarioDiagram.dataUrl(ScenarioDiagram.svg(stats, getLocale())),
					getTranslation("scenarios.diagramAlt", stats.title()));
			image.addClassName("scenario-diagram");
			image.getStyle().set("max-width", "100%").set("height", "auto");
			// The graph reads left to right whatever the page direction.
			Div frame = new Div(image);
			frame.getElement().setAttribute("dir", "ltr");
			frame.getStyle().set("overflow-x", "auto");
			diagrams.add(
					new H3(stats.title()), new Paragraph(getTranslation("scenarios.runs",
							formats.number(stats.runs(), getLocale()), formats.number(stats.finished(), getLocale()))),
					frame, endings(stats));
		}
		classroomRuns(module);
	}

	/**
	 * The cohort's classroom runs, apart from the individual runs above: per run the
	 * rounds in order, each with its votes per choice and the choice the class went on
	 * with (a re-vote shows as a second round of the same node).
	 */
	private void classroomRuns(AssignableModule module) {
		List<ClassroomRuns.ClassroomRun> runs = analytics.classroomRuns(cohortId, module.moduleId(), getLocale());
		Div section = new Div(new H3(getTranslation("classroom.analytics.title")));
		section.setId("classroom-runs");
		if (runs.isEmpty()) {
			section.add(new Paragraph(getTranslation("classroom.analytics.none")));
		}
		for (ClassroomRuns.ClassroomRun run : runs) {
			String outcome = run.endingTitle() != null
					? getTranslation("rating." + run.rating().name()) + " · " + run.endingTitle()
					: getTranslation(run.live() ? "classroom.analytics.live" : "classroom.analytics.endedEarly");
			Paragraph heading = new Paragraph(run.scenarioTitle() + " · "
					+ formats.dateTime(run.startedAt(), ZoneId.systemDefault(), getLocale()) + " · " + outcome);
			heading.addClassName("classroom-run");
			UnorderedList rounds = new UnorderedList();
			rounds.addClassName("classroom-rounds");
			int step = 0;
			for (ClassroomRuns.Round round : run.rounds()) {
				if (round.roundNo() == 1) {
					step++;
				}
				StringBuilder line = new StringBuilder(getTranslation("classroom.analytics.round",
						formats.number(step, getLocale()), formats.number(round.roundNo(), getLocale())));
				line.append(": ");
				line.append(String.join(", ",
						round.votes()
							.stream()
							.map((v) -> v.choiceText() + " " + formats.number(v.votes(), getLocale()))
							.toList()));
				if (round.takenChoice() != null) {
					line.append(" → ")
						.append(getTranslation(round.trainersPick() ? "classroom.analytics.trainersPick"
								: "classroom.analytics.majority", round.takenChoice()));
				}
				rounds.add(new ListItem(line.toString()));
			}
			section.add(heading, rounds);
		}
		diagrams.add(section);
	}

}
