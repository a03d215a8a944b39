/**
 * Languages: UI strings from {@code translations/ui}, locale matching, text direction,
 * and locale-aware dates and numbers.
 */
@NullMarked
package org.lepha.academy.base.i18n;

import org.jspecify.annotations.NullMarked;
