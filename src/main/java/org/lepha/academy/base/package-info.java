/**
 * Shared infrastructure used by every feature: database wiring, languages, the UI frame.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN,
		allowedDependencies = {})
@NullMarked
package org.lepha.academy.base;

import org.jspecify.annotations.NullMarked;
