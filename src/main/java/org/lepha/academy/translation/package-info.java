/**
 * The translator workspace: coverage, editing, review, import and export.
 */
package org.lepha.academy.translation;
