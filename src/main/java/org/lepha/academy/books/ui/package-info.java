/**
 * The "Course books" download view.
 */
@NullMarked
package org.lepha.academy.books.ui;

import org.jspecify.annotations.NullMarked;
