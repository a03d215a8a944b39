/**
 * Trainer views.
 */
package org.lepha.academy.cohorts.ui;
