/**
 * The administrators' content status view.
 */
@NullMarked
package org.lepha.academy.content.ui;

import org.jspecify.annotations.NullMarked;
