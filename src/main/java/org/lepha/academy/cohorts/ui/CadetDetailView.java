package org.lepha.academy.cohorts.ui;

import java.time.Instant;
import java.time.ZoneId;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.cohorts.CadetDetail;
import org.lepha.academy.cohorts.CadetDetails;
import org.lepha.academy.cohorts.CadetSex;
import org.lepha.academy.security.Role;

/**
 * One cadet of a cohort in detail, opened from the progress grid: sections viewed per
 * module, every quiz attempt with its answers and credit, every scenario run with its
 * path.
 */
@Route("cohorts/:cohortId/cadet/:userId")
@RolesAllowed({ Role.Names.TRAINER, Role.Names.ADMIN })
class CadetDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

	private final CadetDetails details;

	private final LocalizedFormats formats;

	private CadetDetail detail;

	private final ContentLabels labels;

	CadetDetailView(CadetDetails details, LocalizedFormats formats, ContentLabels labels) {
		this.details = details;
		this.formats = formats;
		this.labels = labels;
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		long cohortId = event.getRouteParameters().getLong("cohortId").orElse(-1L);
		long userId = event.getRouteParameters().getLong("userId").orElse(-1L);
		detail = details.detail(cohortId, userId);
		removeAll();
		String cohortAddress = "cohorts/" + cohortId;
		Anchor back = new Anchor(cohortAddress, getTranslation("cadetDetail.back"));
		back.setId("cadet-detail-back");
		add(new H1(detail.fullName()), back, sexField(cohortId, userId));

		add(new H2(getTranslation("cadetDetail.sections")));
		UnorderedList sections = new UnorderedList();
		sections.setId("cadet-detail-sections");
		detail.sections()
			.forEach((s) -> sections.add(new ListItem(getTranslation("cadetDetail.sectionsViewed",
					labels.module(s.moduleId(), getLocale()), s.sectionsViewed()))));
		add(detail.sections().isEmpty() ? new Paragraph(getTranslation("cadetDetail.none")) : sections);

		add(new H2(getTranslation("cadetDetail.quizzes")));
		UnorderedList quizzes = new UnorderedList();
		quizzes.setId("cadet-detail-quizzes");
		for (CadetDetail.QuizAttempt attempt : detail.quizAttempts()) {
			String result = attempt.submittedAt() == null ? getTranslation("cadetDetail.notSubmitted")
					: getTranslation(
							Boolean.TRUE.equals(attempt.passed()) ? "cadetDetail.passed" : "cadetDetail.failed",
							attempt.scorePercent() == null ? 0 : attempt.scorePercent());
			ListItem item = new ListItem(getTranslation("cadetDetail.attempt",
					labels.module(attempt.moduleId(), getLocale()),
					getTranslation("cadetDetail.kind." + attempt.kind()), attempt.number(), time(attempt.startedAt()),
					attempt.submittedAt() == null ? "–" : time(attempt.submittedAt()), result));
			UnorderedList answers = new UnorderedList();
			for (CadetDetail.Answer answer : attempt.answers()) {
				answers.add(new ListItem(getTranslation("cadetDetail.answer",
						labels.question(attempt.moduleId(), answer.questionId(), getLocale()), answer.answer(),
						answer.credit() == null ? "–" : formats.percent(answer.credit().doubleValue(), getLocale()))));
			}
			item.add(answers);
			quizzes.add(item);
		}
		add(detail.quizAttempts().isEmpty() ? new Paragraph(getTranslation("cadetDetail.none")) : quizzes);

		add(new H2(getTranslation("cadetDetail.scenarios")));
		UnorderedList runs = new UnorderedList();
		runs.setId("cadet-detail-scenarios");
		for (CadetDetail.ScenarioRun run : detail.scenarioRuns()) {
			ListItem item = new ListItem(getTranslation("cadetDetail.run", labels.module(run.moduleId(), getLocale()),
					labels.scenario(run.moduleId(), run.scenarioId(), getLocale()), time(run.startedAt()),
					run.endingId() == null ? getTranslation("cadetDetail.unfinished")
							: labels.ending(run.moduleId(), run.scenarioId(), run.endingId(), getLocale()),
					run.rating() == null ? "–" : run.rating()));
			UnorderedList path = new UnorderedList();
			run.path()
				.forEach(
						(step) -> path.add(new ListItem(getTranslation("cadetDetail.step", step.number(), step.nodeId(),
								labels.choice(run.moduleId(), run.scenarioId(), step.choiceId(), getLocale())))));
			item.add(path);
			runs.add(item);
		}
		add(detail.scenarioRuns().isEmpty() ? new Paragraph(getTranslation("cadetDetail.none")) : runs);
	}

	/**
	 * The optional recorded sex, saved on change; the helper text says what it is for so
	 * a trainer can tell a cadet (decision 0018).
	 */
	private Select<CadetSex> sexField(long cohortId, long userId) {
		Select<CadetSex> sex = new Select<>();
		sex.setId("cadet-detail-sex");
		sex.setLabel(getTranslation("report.sex.label"));
		sex.setHelperText(getTranslation("report.sex.help"));
		sex.setItems(CadetSex.values());
		sex.setEmptySelectionAllowed(true);
		sex.setEmptySelectionCaption(getTranslation("report.sex.UNKNOWN"));
		sex.setItemLabelGenerator(
				(s) -> (s == null) ? getTranslation("report.sex.UNKNOWN") : getTranslation("report.sex." + s.name()));
		sex.setValue(detail.sex());
		sex.addValueChangeListener((event) -> {
			if (event.isFromClient()) {
				details.setSex(cohortId, userId, event.getValue());
				Notification.show(getTranslation("report.sex.saved"));
			}
		});
		return sex;
	}

	private String time(Instant instant) {
		return formats.dateTime(instant, ZoneId.systemDefault(), getLocale());
	}

	@Override
	public String getPageTitle() {
		return detail == null ? getTranslation("cadetDetail.title") : detail.fullName();
	}

}
