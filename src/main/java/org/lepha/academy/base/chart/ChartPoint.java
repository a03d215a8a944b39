package org.lepha.academy.base.chart;

import java.time.LocalDate;

/** A value reached on a day, held until the next point (a step chart's corner). */
public record ChartPoint(LocalDate date, double value) {
}
