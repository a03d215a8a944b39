/**
 * Issuing, rendering, storing and verifying certificates; the public verification page.
 */
@NullMarked
package org.lepha.academy.certificates.internal;

import org.jspecify.annotations.NullMarked;
