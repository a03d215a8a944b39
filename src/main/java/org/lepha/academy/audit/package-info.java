/**
 * The audit log: who enrolled, withdrew, assigned, changed a due date, overrode a grade
 * or revoked a certificate, and when.
 */
package org.lepha.academy.audit;
