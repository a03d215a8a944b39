/**
 * CSV that is safe to open in a spreadsheet.
 */
package org.lepha.academy.base.csv;
