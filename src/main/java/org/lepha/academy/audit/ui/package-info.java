/**
 * The audit log view.
 */
@NullMarked
package org.lepha.academy.audit.ui;

import org.jspecify.annotations.NullMarked;
