package org.lepha.academy;

/**
 * The JUnit tags of the slow test classes. {@code ./mvnw test} runs everything else (the
 * fast inner loop); {@code ./mvnw verify} runs the tagged classes too, in the
 * {@code slow-tests} execution of Surefire (see {@code pom.xml}).
 */
public final class TestTags {

	/** Journeys in a real Chromium. */
	public static final String BROWSER = "browser";

	/** Killed processes, stopped databases, two nodes, restarts. */
	public static final String FAILURE = "failure";

	/** The load smoke run over Vaadin's protocol. */
	public static final String LOAD = "load";

	private TestTags() {
	}

}
