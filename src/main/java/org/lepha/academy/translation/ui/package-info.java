/**
 * Translator views.
 */
package org.lepha.academy.translation.ui;
