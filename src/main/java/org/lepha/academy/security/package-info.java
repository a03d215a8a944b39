/**
 * Users, roles, sign-in, throttling and account settings.
 */
package org.lepha.academy.security;
