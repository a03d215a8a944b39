/**
 * Translator views.
 */
@NullMarked
package org.lepha.academy.translation.ui;

import org.jspecify.annotations.NullMarked;
