/**
 * Trainer views.
 */
@NullMarked
package org.lepha.academy.cohorts.ui;

import org.jspecify.annotations.NullMarked;
