package org.lepha.academy.learning.ui;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.di.Instantiator;
import org.lepha.academy.base.RefusedException;
import org.lepha.academy.base.text.RefusedTextException;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.learning.CourseEvaluation;
import org.lepha.academy.learning.CourseEvaluations;

/**
 * The course evaluation on a module's page (issue 21): nothing before the module is
 * completed; then the Likert items as radio groups labelled with the scale's anchors, the
 * free text, "Send" and "Skip"; afterwards only a thank-you (or a note that it was
 * skipped), since the answer is final. A component of its own, with its own service, so
 * that the module page gains one line.
 */
class EvaluationCard extends Div {

	private final CourseEvaluations evaluations;

	private String moduleId = "";

	EvaluationCard(CourseEvaluations evaluations) {
		this.evaluations = evaluations;
		setId("evaluation-card");
		addClassName("evaluation-card");
	}

	/**
	 * The card for a module, its service wired by Spring through Vaadin's instantiator.
	 */
	static EvaluationCard of(String moduleId) {
		EvaluationCard card = Instantiator.get(UI.getCurrent()).getOrCreate(EvaluationCard.class);
		card.show(moduleId);
		return card;
	}

	void show(String moduleId) {
		this.moduleId = moduleId;
		removeAll();
		CourseEvaluation evaluation = evaluations.evaluation(moduleId, getLocale());
		setVisible(evaluation.state() != CourseEvaluation.State.NONE
				&& evaluation.state() != CourseEvaluation.State.NOT_YET);
		switch (evaluation.state()) {
			case OPEN -> form(evaluation);
			case ANSWERED -> add(note("evaluation-thanks", "evaluation.thanks"));
			case SKIPPED -> add(note("evaluation-skipped", "evaluation.skipped"));
			case NONE, NOT_YET -> {
			}
		}
	}

	private void form(CourseEvaluation evaluation) {
		H2 heading = new H2(getTranslation("evaluation.title"));
		heading.setId("evaluation-title");
		add(heading, new Paragraph(getTranslation("evaluation.intro")));
		List<String> scale = evaluation.scale();
		Map<String, RadioButtonGroup<Integer>> groups = new LinkedHashMap<>();
		for (CourseEvaluation.Question question : evaluation.likertItems()) {
			RadioButtonGroup<Integer> group = new RadioButtonGroup<>(question.text());
			group.setId("evaluation-item-" + question.itemId());
			group.setItems(IntStream.rangeClosed(1, scale.size()).boxed().toList());
			group.setItemLabelGenerator((point) -> scale.get(point - 1));
			// One anchor per line: five long labels do not fit side by side on a phone.
			group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
			groups.put(question.itemId(), group);
			add(group);
		}
		TextArea freeText = new TextArea();
		if (evaluation.freeText() != null) {
			freeText.setLabel(evaluation.freeText().text());
			freeText.setId("evaluation-text");
			freeText.setMaxLength(TextLimits.EVALUATION_COMMENT);
			freeText.setWidthFull();
			add(freeText);
		}
		Paragraph error = new Paragraph();
		error.setId("evaluation-error");
		error.addClassName("error");
		error.setVisible(false);
		Button send = new Button(getTranslation("evaluation.send"), (e) -> {
			Map<String, Integer> ratings = new LinkedHashMap<>();
			groups.forEach((item, group) -> {
				if (group.getValue() != null) {
					ratings.put(item, group.getValue());
				}
			});
			act(error, () -> evaluations.answer(moduleId, ratings, freeText.getValue()));
		});
		send.setId("evaluation-send");
		send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		Button skip = new Button(getTranslation("evaluation.skip"),
				(e) -> act(error, () -> evaluations.skip(moduleId)));
		skip.setId("evaluation-skip");
		add(error, new HorizontalLayout(send, skip));
	}

	/** Sends or skips; a refusal is explained in place and the typed answers stay. */
	private void act(Paragraph error, Runnable action) {
		try {
			action.run();
			show(moduleId);
		}
		catch (RefusedTextException ex) {
			error.setText(getTranslation(ex.messageKey(), ex.arguments()));
			error.setVisible(true);
		}
		catch (RefusedException ex) {
			error.setText(getTranslation(ex.messageKey()));
			error.setVisible(true);
		}
	}

	private Paragraph note(String id, String key) {
		Paragraph note = new Paragraph(getTranslation(key));
		note.setId(id);
		return note;
	}

}
