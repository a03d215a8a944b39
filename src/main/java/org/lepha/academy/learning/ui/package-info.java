/**
 * Cadet views.
 */
package org.lepha.academy.learning.ui;
