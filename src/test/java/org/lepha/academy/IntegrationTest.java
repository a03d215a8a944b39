package org.lepha.academy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * A test against the whole application on the real embedded MariaDB (one server per test
 * JVM, data under {@code target/test-data}), with the fixed {@link TestAccounts}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = { "app.db.data-dir=target/test-data", "app.demo-data=false",
		"vaadin.devmode.devTools.enabled=false" })
@Import(TestAccounts.class)
public @interface IntegrationTest {

}
