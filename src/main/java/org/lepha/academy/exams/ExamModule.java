package org.lepha.academy.exams;

/**
 * A module a cohort's exam session can be opened for, titled in the reader's language.
 */
public record ExamModule(String moduleId, String title) {

}
