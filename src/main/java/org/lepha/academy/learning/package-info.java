/**
 * What cadets do: lessons, quizzes, scenarios, progress and completion.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "content", "security" })
@NullMarked
package org.lepha.academy.learning;

import org.jspecify.annotations.NullMarked;
