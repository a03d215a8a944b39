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

	/**
	 * The production jar as an operator runs it ({@code target/lepha-academy-*.jar},
	 * built by {@code -Pproduction package}). Not in verify: {@code .ci/run} builds the
	 * jar and runs these after it.
	 */
	public static final String PACKAGED = "packaged";

	/** The container image, read from Jib's tarball ({@code target/jib-image.tar}). */
	public static final String IMAGE = "image";

	private TestTags() {
	}

}
