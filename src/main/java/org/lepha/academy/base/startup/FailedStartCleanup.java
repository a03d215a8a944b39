package org.lepha.academy.base.startup;

import org.lepha.academy.base.db.EmbeddedMariaDb;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.context.ApplicationListener;

/**
 * Stops the embedded MariaDB when the server fails to start (a port in use, a bad key
 * store), so that the JVM ends with a failure exit code. The database's process watcher
 * is not a daemon thread, and its shutdown hook only runs once the JVM is already ending:
 * without this, a failed start would leave the JVM and the database running.
 * <p>
 * Only for the server's own process: tests share one embedded server between their
 * contexts, and a test context that fails must not stop it for the others.
 */
public final class FailedStartCleanup implements ApplicationListener<ApplicationFailedEvent> {

	/**
	 * The server's entry point, by name: {@code base} may not depend on the root package.
	 */
	static final String SERVER_MAIN_CLASS = "org.lepha.academy.Application";

	@Override
	public void onApplicationEvent(ApplicationFailedEvent event) {
		if (isServerProcess(event.getSpringApplication())) {
			EmbeddedMariaDb.stopShared();
		}
	}

	static boolean isServerProcess(SpringApplication application) {
		Class<?> main = application.getMainApplicationClass();
		return main != null && SERVER_MAIN_CLASS.equals(main.getName());
	}

}
