/**
 * Persistence of exam sessions and accommodations; the cadets' view of the window.
 */
@NullMarked
package org.lepha.academy.exams.internal;

import org.jspecify.annotations.NullMarked;
