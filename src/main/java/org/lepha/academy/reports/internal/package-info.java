/** The report's figures, suppression of small groups, and its XLSX and PDF renderers. */
@NullMarked
package org.lepha.academy.reports.internal;

import org.jspecify.annotations.NullMarked;
