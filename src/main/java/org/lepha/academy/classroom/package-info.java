/**
 * Classroom mode (issue 21): a trainer runs a module's scenario live with the whole
 * cohort voting from phones; the projector shows the situation, a join code with its QR
 * code and the class's votes, pushed per UI as they arrive (decision 0016).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base", "cohorts", "content", "security" })
@NullMarked
package org.lepha.academy.classroom;

import org.jspecify.annotations.NullMarked;
