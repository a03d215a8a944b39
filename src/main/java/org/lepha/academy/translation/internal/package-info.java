/**
 * Persistence of translations edited in the application.
 */
@NullMarked
package org.lepha.academy.translation.internal;

import org.jspecify.annotations.NullMarked;
