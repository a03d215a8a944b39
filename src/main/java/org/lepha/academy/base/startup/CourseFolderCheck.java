package org.lepha.academy.base.startup;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.logging.LoggingApplicationListener;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.PropertySource;

/**
 * Ends the start with the {@link CourseFolderException} that {@link CourseLocation}
 * found, right after logging is set up. Thrown any earlier, it would be reported while
 * logging still has its built-in defaults, and Spring Boot's multi-line failure block
 * would show beside the one line (its reporter is switched off in
 * {@code application.yaml}).
 */
public final class CourseFolderCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

	static final String PROPERTY_SOURCE = "courseLocationFailure";

	static final String PROPERTY = "app.course.failure";

	@Override
	public int getOrder() {
		return LoggingApplicationListener.DEFAULT_ORDER + 1;
	}

	@Override
	public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
		PropertySource<?> failure = event.getEnvironment().getPropertySources().get(PROPERTY_SOURCE);
		if (failure != null && failure.getProperty(PROPERTY) instanceof CourseFolderException ex) {
			throw ex;
		}
	}

}
