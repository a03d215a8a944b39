/**
 * What happens before the application serves anything: where the course comes from
 * ({@link org.lepha.academy.base.startup.CourseLocation}) and how a misconfigured start
 * ends (one line for the operator, the stack trace in the log at debug level).
 */
@NullMarked
package org.lepha.academy.base.startup;

import org.jspecify.annotations.NullMarked;
