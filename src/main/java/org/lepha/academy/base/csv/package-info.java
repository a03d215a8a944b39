/**
 * CSV and XLSX that are safe to open in a spreadsheet.
 */
@NullMarked
package org.lepha.academy.base.csv;

import org.jspecify.annotations.NullMarked;
