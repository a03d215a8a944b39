/**
 * Persistence of progress, quiz attempts and scenario runs; drawing and grading quizzes.
 */
@NullMarked
package org.lepha.academy.learning.internal;

import org.jspecify.annotations.NullMarked;
