/**
 * Server-rendered charts as static SVG (issue 21): horizontal bar charts (grouped or
 * stacked) and step charts over time. Every text is XML-escaped, the images carry no
 * script or link, right-to-left languages get the layout mirrored, and numbers use the
 * language's digits. The same SVG is shown on pages (as an image with a table of the
 * numbers beside it) and drawn into PDFs as vectors by {@code base.pdf.SvgDrawing}.
 */
@NullMarked
package org.lepha.academy.base.chart;

import org.jspecify.annotations.NullMarked;
