/**
 * The audit log: who enrolled, withdrew, assigned, changed a due date, overrode a grade
 * or revoked a certificate, and when.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "security" })
@NullMarked
package org.lepha.academy.audit;

import org.jspecify.annotations.NullMarked;
