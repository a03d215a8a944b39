package org.lepha.academy.learning.ui;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import com.vaadin.flow.component.html.FieldSet;
import com.vaadin.flow.dom.Element;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A question's options as the browser's own radio buttons or check boxes in a
 * {@code fieldset}: one component whose options are plain elements, instead of a
 * RadioButtonGroup or CheckboxGroup (a component per option and its label, a data
 * provider and a key mapper). Native inputs are what assistive technology knows best
 * (arrow keys move within a radio group, Space ticks a box), and a whole academy pressing
 * Start in the same second makes each question's build cost count (docs/performance.md,
 * "Exam day"; decision 0019).
 * <p>
 * The options are sent by their position, not by their ids: the browser sees nothing of
 * the content's ids. On a change the browser sends the positions ticked now, and only
 * positions of this question's options are accepted. A change the view cannot take (the
 * answer could not be saved) puts the ticks back as they were.
 */
class ChoiceOptions extends FieldSet {

	/** Whatever was changed, the positions ticked now, in the order shown. */
	static final String CHOSEN = "Array.from(element.querySelectorAll('input:checked'), (i) => Number(i.value))";

	private final int size;

	private final String name;

	/** The positions ticked as last taken: what a refused change goes back to. */
	private Set<Integer> taken;

	/**
	 * @param multiple check boxes (any number ticked) rather than radio buttons
	 * @param name the inputs' group name, unique on the page (the question's id)
	 * @param chosen positions ticked when the page is built
	 * @param changed the positions ticked after a change made in the browser; when it
	 * throws, the browser's ticks are put back as they were and the exception passed on
	 */
	ChoiceOptions(boolean multiple, String name, String ariaLabel, List<String> labels, Collection<Integer> chosen,
			Consumer<Set<Integer>> changed) {
		size = labels.size();
		this.name = name;
		taken = new LinkedHashSet<>(chosen);
		addClassName("quiz-options");
		setAriaLabel(ariaLabel);
		String type = multiple ? "checkbox" : "radio";
		for (int i = 0; i < labels.size(); i++) {
			Element input = new Element("input").setAttribute("type", type)
				.setAttribute("name", "choice-" + name)
				.setAttribute("value", String.valueOf(i));
			if (chosen.contains(i)) {
				input.setAttribute("checked", true);
			}
			Element text = new Element("span").setText(labels.get(i));
			Element option = new Element("label").setAttribute("class", "quiz-option").appendChild(input, text);
			getElement().appendChild(option);
		}
		getElement().addEventListener("change", (e) -> {
			Set<Integer> now = positions(e.getEventData().get(CHOSEN));
			if (now != null && (multiple || now.size() == 1)) {
				try {
					changed.accept(now);
				}
				catch (RuntimeException ex) {
					show(taken);
					throw ex;
				}
				taken = now;
			}
		}).addEventData(CHOSEN);
	}

	/**
	 * A hint above the options ("Choose all that apply"), read with them as their
	 * description.
	 */
	ChoiceOptions hint(String text) {
		String id = "hint-" + name;
		getElement().insertChild(0,
				new Element("p").setAttribute("class", "quiz-options-hint").setAttribute("id", id).setText(text));
		getElement().setAttribute("aria-describedby", id);
		return this;
	}

	/**
	 * Ticks exactly these positions in the browser. The server keeps no copy of the ticks
	 * (the browser changes them), so the change is a script, not an attribute.
	 */
	private void show(Collection<Integer> chosen) {
		getElement().executeJs(
				"const on = $0 === '' ? [] : $0.split(',').map(Number);"
						+ "this.querySelectorAll('input').forEach((i) => i.checked = on.includes(Number(i.value)))",
				String.join(",", chosen.stream().map(String::valueOf).toList()));
	}

	/** Null unless every entry is the position of one of this question's options. */
	private @Nullable Set<Integer> positions(@Nullable JsonNode sent) {
		if (sent == null || !sent.isArray() || sent.size() > size) {
			return null;
		}
		Set<Integer> positions = new LinkedHashSet<>();
		for (JsonNode entry : sent) {
			if (!entry.isIntegralNumber() || entry.asInt() < 0 || entry.asInt() >= size) {
				return null;
			}
			positions.add(entry.asInt());
		}
		return positions;
	}

}
