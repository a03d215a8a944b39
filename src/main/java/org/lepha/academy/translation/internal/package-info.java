/**
 * Persistence of translations edited in the application.
 */
package org.lepha.academy.translation.internal;
