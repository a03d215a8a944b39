/**
 * Shared UI: the page shell, the main layout, the language menu, error messages.
 */
@NullMarked
package org.lepha.academy.base.ui;

import org.jspecify.annotations.NullMarked;
