/**
 * Database wiring: the embedded MariaDB for a fresh install, the external one in
 * production.
 */
@NullMarked
package org.lepha.academy.base.db;

import org.jspecify.annotations.NullMarked;
