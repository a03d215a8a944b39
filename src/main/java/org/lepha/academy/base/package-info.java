/**
 * Shared infrastructure used by every feature: database wiring, languages, the UI frame.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
package org.lepha.academy.base;
