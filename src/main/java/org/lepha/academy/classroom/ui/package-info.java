/**
 * The projector, the cadet's phone view, joining, and the trainer's start page.
 */
@NullMarked
package org.lepha.academy.classroom.ui;

import org.jspecify.annotations.NullMarked;
