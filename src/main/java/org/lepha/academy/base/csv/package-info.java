/**
 * CSV and XLSX that are safe to open in a spreadsheet.
 */
package org.lepha.academy.base.csv;
