/**
 * Database wiring: the embedded MariaDB for a fresh install, the external one in
 * production.
 */
package org.lepha.academy.base.db;
