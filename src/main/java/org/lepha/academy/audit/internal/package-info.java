/**
 * Persistence and wiring of the audit log.
 */
@NullMarked
package org.lepha.academy.audit.internal;

import org.jspecify.annotations.NullMarked;
