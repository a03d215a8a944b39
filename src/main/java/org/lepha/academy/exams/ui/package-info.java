/**
 * The trainer's exam screens: a cohort's exam sessions and the live monitor of one
 * session.
 */
@NullMarked
package org.lepha.academy.exams.ui;

import org.jspecify.annotations.NullMarked;
