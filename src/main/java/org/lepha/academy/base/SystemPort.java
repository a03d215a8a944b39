package org.lepha.academy.base;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a port that a module offers to system callers only: code that acts on the
 * system's behalf with nobody signed in (an event listener, a scheduled job), such as the
 * certificates feature reacting to a completion. A port checks no caller, so it must
 * never be reachable from a view; {@code ModularityTests} fails when a class in a
 * {@code ui} package depends on one (decision 0004).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SystemPort {

}
