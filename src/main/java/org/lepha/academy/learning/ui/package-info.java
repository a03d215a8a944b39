/**
 * Cadet views.
 */
@NullMarked
package org.lepha.academy.learning.ui;

import org.jspecify.annotations.NullMarked;
