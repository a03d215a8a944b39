/**
 * Sign-in, password and account administration views.
 */
@NullMarked
package org.lepha.academy.security.ui;

import org.jspecify.annotations.NullMarked;
