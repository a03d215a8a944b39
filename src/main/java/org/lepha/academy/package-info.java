/**
 * The course server: one Spring Modulith module per top-level package below this one.
 */
@NullMarked
package org.lepha.academy;

import org.jspecify.annotations.NullMarked;
