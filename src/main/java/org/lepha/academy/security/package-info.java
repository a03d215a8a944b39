/**
 * Users, roles, sign-in, throttling and account settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base" })
package org.lepha.academy.security;
