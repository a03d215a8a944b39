package org.lepha.academy.audit.ui;

import java.time.LocalTime;
import java.time.ZoneId;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditEvent;
import org.lepha.academy.audit.AuditFilter;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.security.Role;

/**
 * The audit log for administrators, filtered by action, person and dates, paged from the
 * database.
 */
@Route("admin/audit")
@RolesAllowed(Role.Names.ADMIN)
class AuditView extends VerticalLayout implements HasDynamicTitle {

	AuditView(AuditLog audit, LocalizedFormats formats) {
		setSizeFull();
		ZoneId zone = ZoneId.systemDefault();
		Select<AuditAction> action = new Select<>();
		action.setLabel(getTranslation("audit.action"));
		action.setItems(AuditAction.values());
		action.setItemLabelGenerator(
				(a) -> a == null ? getTranslation("audit.any") : getTranslation("audit.action." + a.name()));
		action.setEmptySelectionAllowed(true);
		action.setEmptySelectionCaption(getTranslation("audit.any"));
		TextField actor = new TextField(getTranslation("audit.actor"));
		actor.setMaxLength(TextLimits.USERNAME);
		actor.setValueChangeMode(ValueChangeMode.LAZY);
		DatePicker from = new DatePicker(getTranslation("audit.from"));
		DatePicker to = new DatePicker(getTranslation("audit.to"));

		Grid<AuditEvent> grid = new Grid<>();
		grid.setId("audit-grid");
		grid.addColumn((e) -> formats.dateTime(e.occurredAt(), zone, getLocale()))
			.setHeader(getTranslation("audit.when"));
		grid.addColumn(AuditEvent::actorName).setHeader(getTranslation("audit.actor"));
		grid.addColumn((e) -> getTranslation("audit.action." + e.action().name()))
			.setHeader(getTranslation("audit.action"));
		grid.addColumn((e) -> e.subjectType() + " " + e.subjectId()).setHeader(getTranslation("audit.subject"));
		grid.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details"));
		Runnable refresh = () -> {
			AuditFilter filter = new AuditFilter(action.getValue(), actor.getValue(),
					from.getValue() == null ? null : from.getValue().atStartOfDay(zone).toInstant(),
					to.getValue() == null ? null : to.getValue().atTime(LocalTime.MAX).atZone(zone).toInstant());
			grid.setItems((query) -> audit.search(filter, query.getOffset(), query.getLimit()).stream());
		};
		action.addValueChangeListener((e) -> refresh.run());
		actor.addValueChangeListener((e) -> refresh.run());
		from.addValueChangeListener((e) -> refresh.run());
		to.addValueChangeListener((e) -> refresh.run());
		refresh.run();
		HorizontalLayout filters = new HorizontalLayout(action, actor, from, to);
		filters.setWrap(true);
		add(new H1(getTranslation("audit.title")), filters, grid);
	}

	@Override
	public String getPageTitle() {
		return getTranslation("audit.title");
	}

}
