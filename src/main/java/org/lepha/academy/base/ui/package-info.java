/**
 * Shared UI: the page shell, the main layout, the language menu, error messages.
 */
package org.lepha.academy.base.ui;
