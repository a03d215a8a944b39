package org.lepha.academy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on the real embedded MariaDB (one server per test
 * JVM, data under {@code target/test-data}), with the fixed {@link TestAccounts} and an
 * {@link AcademyFixture} to autowire. Every class with this annotation and nothing else
 * that shapes the context shares one Spring context: it listens on a real port, so the
 * HTTP tests and the browser journeys ({@link BrowserJourneyTest}) use the same context
 * as the service and browserless view tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "app.db.data-dir=target/test-data", "app.demo-data=false",
				"vaadin.devmode.devTools.enabled=false" })
@Import({ TestAccounts.class, AcademyFixture.class })
public @interface IntegrationTest {

}
