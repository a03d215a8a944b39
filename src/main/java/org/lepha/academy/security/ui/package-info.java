/**
 * Sign-in, password and account administration views.
 */
package org.lepha.academy.security.ui;
