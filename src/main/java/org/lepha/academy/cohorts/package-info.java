/**
 * Academies, cohorts, enrolment, and the trainer's tools.
 */
package org.lepha.academy.cohorts;
