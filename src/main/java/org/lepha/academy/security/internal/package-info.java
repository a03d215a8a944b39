/**
 * Spring Security configuration, sign-in throttling and account persistence.
 */
@NullMarked
package org.lepha.academy.security.internal;

import org.jspecify.annotations.NullMarked;
