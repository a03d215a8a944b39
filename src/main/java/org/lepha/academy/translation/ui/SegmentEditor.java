package org.lepha.academy.translation.ui;

import java.util.EnumSet;
import java.util.Locale;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.translation.SegmentStatus;

/**
 * The fields the module editor and the UI strings editor share: filter by status, search,
 * the English (and the English the translation was made from), the target in the
 * language's direction, the error line, save and approve. Each editor lays them out and
 * decides what saving means.
 */
final class SegmentEditor {

	final Select<SegmentStatus> statusFilter = new Select<>();

	final TextField search = new TextField();

	final Div english = new Div();

	final Div previousEnglish = new Div();

	final TextArea target = new TextArea();

	final Paragraph error = new Paragraph();

	final Button save = new Button();

	final Button approve = new Button();

	/**
	 * @param owner the view, for its translations
	 * @param ids prefix of the element ids ({@code segment}, {@code ui-string}): the
	 * browser journeys and the accessibility checks find the fields by id
	 */
	void build(Component owner, String ids, Locale locale, Runnable refresh, Runnable onSave, Runnable onApprove) {
		statusFilter.setId(ids + "-status-filter");
		statusFilter.setLabel(owner.getTranslation("translate.filter"));
		statusFilter.setItems(EnumSet.allOf(SegmentStatus.class));
		statusFilter.setEmptySelectionAllowed(true);
		statusFilter.setEmptySelectionCaption(owner.getTranslation("translate.status"));
		statusFilter.setItemLabelGenerator((s) -> s == null ? owner.getTranslation("translate.status")
				: owner.getTranslation("translate.status." + s.name()));
		statusFilter.addValueChangeListener((e) -> refresh.run());
		search.setId(ids + "-search");
		search.setMaxLength(TextLimits.SEARCH);
		search.setLabel(owner.getTranslation("translate.search"));
		search.setValueChangeMode(ValueChangeMode.LAZY);
		search.addValueChangeListener((e) -> refresh.run());

		// The English is always left to right, whatever the translator's language.
		english.setId(ids + "-english");
		english.getStyle().set("white-space", "pre-wrap");
		english.getElement().setAttribute("dir", "ltr");
		previousEnglish.setId(ids + "-previous-english");
		previousEnglish.getStyle().set("white-space", "pre-wrap");
		target.setId(ids + "-target");
		target.setLabel(owner.getTranslation("translate.target"));
		target.setWidthFull();
		target.setMinHeight("12em");
		target.getElement().setAttribute("dir", Languages.isRightToLeft(locale) ? "rtl" : "ltr");
		target.getElement().setAttribute("lang", locale.toLanguageTag());
		error.setId(ids + "-error");
		error.getStyle().set("color", "var(--lumo-error-text-color)");
		save.setText(owner.getTranslation("translate.save"));
		save.setId(ids + "-save");
		save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
		save.addClickListener((e) -> onSave.run());
		approve.setText(owner.getTranslation("translate.approve"));
		approve.setId(ids + "-approve");
		approve.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
		approve.addClickListener((e) -> onApprove.run());
	}

}
