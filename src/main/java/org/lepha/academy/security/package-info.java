/**
 * Users, roles, sign-in, throttling and account settings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "base" })
@NullMarked
package org.lepha.academy.security;

import org.jspecify.annotations.NullMarked;
