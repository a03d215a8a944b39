/**
 * Certificates: issued once per cadet and module (or programme), rendered as PDF in every
 * language, verifiable by anyone through a code and a QR code, revocable.
 */
@org.springframework.modulith.ApplicationModule(
		allowedDependencies = { "audit", "base", "cohorts", "content", "learning", "security" })
@NullMarked
package org.lepha.academy.certificates;

import org.jspecify.annotations.NullMarked;
