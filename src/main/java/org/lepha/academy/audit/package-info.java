/**
 * The audit log: who enrolled, withdrew, assigned, changed a due date, overrode a grade
 * or revoked a certificate, and when.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "security" })
package org.lepha.academy.audit;
