package org.lepha.academy;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A journey in a real Chromium against the shared {@link IntegrationTest} context. Tagged
 * {@value TestTags#BROWSER}: {@code ./mvnw test} leaves it out, {@code ./mvnw verify}
 * runs it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@IntegrationTest
@Tag(TestTags.BROWSER)
public @interface BrowserJourneyTest {

}
