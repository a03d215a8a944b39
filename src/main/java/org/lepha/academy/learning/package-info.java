/**
 * What cadets do: lessons, quizzes, scenarios, progress and completion.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "content", "security" })
package org.lepha.academy.learning;
