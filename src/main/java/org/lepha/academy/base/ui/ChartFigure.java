package org.lepha.academy.base.ui;

import java.util.List;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.NativeDetails;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableRow;
import org.lepha.academy.base.chart.SvgCharts;

/**
 * A chart on a page (issue 21): a heading, the server-rendered SVG as an image (a
 * {@code data:} URL, in which nothing can run) whose text alternative is the chart's
 * title, and the same numbers as a table behind a toggle, in the DOM for screen readers
 * and for anyone who would rather read than look. Texts are set as text, never as HTML.
 */
public class ChartFigure extends Div {

	/**
	 * @param id the element id of the figure; the image and table get {@code -image} and
	 * {@code -table} after it
	 * @param title heading and text alternative
	 * @param svg the chart, from {@code base.chart}
	 * @param toggle the label of the toggle that shows the table
	 * @param header the table's column headings
	 * @param rows the table's rows, the first cell of each a row heading
	 */
	public ChartFigure(String id, String title, String svg, String toggle, List<String> header,
			List<List<String>> rows) {
		setId(id);
		setWidthFull();
		Image image = new Image(SvgCharts.dataUrl(svg), title);
		image.setId(id + "-image");
		image.setMaxWidth("100%");
		NativeTable table = new NativeTable();
		table.setId(id + "-table");
		table.setCaptionText(title);
		NativeTableRow head = table.getHead().addRow();
		header.forEach((text) -> head.addHeaderCell().setText(text));
		for (List<String> cells : rows) {
			NativeTableRow row = table.getBody().addRow();
			for (int i = 0; i < cells.size(); i++) {
				if (i == 0) {
					var cell = row.addHeaderCell();
					cell.setText(cells.get(i));
					cell.getElement().setAttribute("scope", "row");
				}
				else {
					row.addDataCell().setText(cells.get(i));
				}
			}
		}
		NativeDetails details = new NativeDetails(toggle, table);
		add(new H2(title), image, details);
	}

}
