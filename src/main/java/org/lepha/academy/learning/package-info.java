/**
 * What cadets do: lessons, quizzes, scenarios, progress and completion.
 */
package org.lepha.academy.learning;
