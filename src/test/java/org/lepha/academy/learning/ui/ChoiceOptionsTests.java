package org.lepha.academy.learning.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.vaadin.browserless.BrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.internal.PendingJavaScriptInvocation;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A question's options as native inputs: what the browser gets (types, one group name,
 * positions as values, the stored answer ticked, labels around the inputs), and which
 * changes the browser sends are taken: only positions of the question's options, one for
 * radio buttons.
 */
class ChoiceOptionsTests extends BrowserlessTest {

	private final List<Set<Integer>> changes = new ArrayList<>();

	@Test
	void radioButtonsAreLabelledInputsOfOneGroupValuedByPositionWithTheStoredAnswerTicked() {
		ChoiceOptions field = new ChoiceOptions(false, "q1", "Which?", List.of("Alpha", "Beta", "Gamma"), List.of(1),
				changes::add);

		Element fieldset = field.getElement();
		assertThat(fieldset.getTag()).isEqualTo("fieldset");
		assertThat(fieldset.getAttribute("aria-label")).isEqualTo("Which?");
		List<Element> labels = fieldset.getChildren().toList();
		assertThat(labels).extracting(Element::getTag).containsOnly("label");
		assertThat(labels).extracting(Element::getText).as("the text is in the label's span").containsOnly("");
		assertThat(labels).extracting(Element::getTextRecursively).containsExactly("Alpha", "Beta", "Gamma");
		List<Element> inputs = labels.stream().map((l) -> l.getChild(0)).toList();
		assertThat(inputs).extracting((i) -> i.getAttribute("type")).containsOnly("radio");
		assertThat(inputs).extracting((i) -> i.getAttribute("name")).containsOnly("choice-q1");
		assertThat(inputs).extracting((i) -> i.getAttribute("value")).containsExactly("0", "1", "2");
		assertThat(inputs).extracting((i) -> i.hasAttribute("checked")).containsExactly(false, true, false);
	}

	@Test
	void aRadioChangeGivesTheOnePositionTickedAndNonsenseIsIgnored() {
		ChoiceOptions field = new ChoiceOptions(false, "q1", "Which?", List.of("Alpha", "Beta", "Gamma"), List.of(),
				changes::add);

		change(field, 2);
		change(field, 0, 1);
		change(field, 3);
		change(field, -1);
		change(field);
		ObjectNode text = JacksonUtils.createObjectNode();
		text.set(ChoiceOptions.CHOSEN, JacksonUtils.createArrayNode().add("1"));
		fire(field, text);
		fire(field, JacksonUtils.createObjectNode());

		assertThat(changes).containsExactly(Set.of(2));
	}

	@Test
	void checkBoxesGiveEveryPositionTickedNoneIncludedAndCarryTheirHint() {
		ChoiceOptions field = new ChoiceOptions(true, "q2", "Which ones?", List.of("Alpha", "Beta", "Gamma"),
				List.of(0, 2), changes::add)
			.hint("Choose all that apply");

		Element fieldset = field.getElement();
		Element hint = fieldset.getChild(0);
		assertThat(hint.getText()).isEqualTo("Choose all that apply");
		assertThat(fieldset.getAttribute("aria-describedby")).isEqualTo(hint.getAttribute("id"));
		List<Element> inputs = fieldset.getChildren().skip(1).map((l) -> l.getChild(0)).toList();
		assertThat(inputs).extracting((i) -> i.getAttribute("type")).containsOnly("checkbox");
		assertThat(inputs).extracting((i) -> i.hasAttribute("checked")).containsExactly(true, false, true);

		change(field, 0, 1);
		change(field);
		change(field, 0, 1, 2, 2);
		change(field, 1, 5);

		assertThat(changes).containsExactly(Set.of(0, 1), Set.of());
	}

	@Test
	void aChangeThatCannotBeTakenPutsTheTicksBackAsLastTakenAndPassesTheErrorOn() {
		RuntimeException down = new IllegalStateException("database unreachable");
		boolean[] fail = { false };
		ChoiceOptions field = new ChoiceOptions(true, "q3", "Which ones?", List.of("Alpha", "Beta", "Gamma"),
				List.of(0), (now) -> {
					if (fail[0]) {
						throw down;
					}
					changes.add(now);
				});
		UI ui = UI.getCurrent();
		ui.add(field);
		change(field, 0, 2);
		scripts(ui);

		fail[0] = true;
		assertThatThrownBy(() -> change(field, 1)).isSameAs(down);

		assertThat(changes).containsExactly(Set.of(0, 2));
		assertThat(scripts(ui)).singleElement().satisfies((script) -> {
			assertThat(script.getInvocation().getExpression()).contains("checked");
			assertThat(script.getInvocation().getParameters()).contains("0,2");
		});
	}

	/** The scripts queued for the browser since the last call. */
	private static List<PendingJavaScriptInvocation> scripts(UI ui) {
		ui.getInternals().getStateTree().runExecutionsBeforeClientResponse();
		return ui.getInternals().dumpPendingJavaScriptInvocations();
	}

	/** As the browser sends a change: the positions ticked now. */
	static void change(ChoiceOptions field, int... positions) {
		ArrayNode ticked = JacksonUtils.createArrayNode();
		for (int position : positions) {
			ticked.add(position);
		}
		ObjectNode data = JacksonUtils.createObjectNode();
		data.set(ChoiceOptions.CHOSEN, ticked);
		fire(field, data);
	}

	private static void fire(ChoiceOptions field, ObjectNode data) {
		field.getElement()
			.getNode()
			.getFeature(ElementListenerMap.class)
			.fireEvent(new DomEvent(field.getElement(), "change", data));
	}

}
