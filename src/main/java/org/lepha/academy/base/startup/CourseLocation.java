package org.lepha.academy.base.startup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before anything reads them, which folders hold the course and its
 * translations, in this order (README, "Production"; decision 0008):
 * <ol>
 * <li>{@code APP_CONTENT_DIR} / {@code APP_TRANSLATIONS_DIR} (or {@code app.content.dir}
 * / {@code app.translations.dir}) when set: that folder, which must exist and be
 * readable;</li>
 * <li>{@code ./content} / {@code ./translations} in the working folder, when there
 * ({@code spring-boot:run}, tests, an academy that edits its course beside the jar);</li>
 * <li>the course shipped in the jar, extracted once to
 * {@code <DATA_DIR>/course/<content-hash>/}.</li>
 * </ol>
 * Each of the two folders is decided on its own. A folder that cannot be used ends the
 * start with a {@link CourseFolderException}, reported as one line (thrown by
 * {@link CourseFolderCheck}).
 */
public final class CourseLocation implements EnvironmentPostProcessor, Ordered {

	/** Name of the property source holding the decided folders. */
	static final String PROPERTY_SOURCE = "courseLocation";

	static final String CONTENT_PROPERTY = "app.content.dir";

	static final String TRANSLATIONS_PROPERTY = "app.translations.dir";

	static final String UI_STRINGS_PROPERTY = "app.i18n.ui-strings-dir";

	static final String DATA_DIR_PROPERTY = "app.db.data-dir";

	private final Log log;

	public CourseLocation(DeferredLogFactory logFactory) {
		this.log = logFactory.getLog(CourseLocation.class);
	}

	/** After the configuration files are read (their defaults are what is overridden). */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		ClassLoader loader = application.getClassLoader();
		Decision decision;
		try {
			decision = decide(environment, Path.of("").toAbsolutePath(), () -> ShippedCourse.read(loader));
		}
		catch (CourseFolderException ex) {
			// Thrown a moment later by CourseFolderCheck, once logging is set up: failing
			// before that, Spring Boot's failure block is printed in full whatever the
			// configured log levels say.
			environment.getPropertySources()
				.addFirst(new MapPropertySource(CourseFolderCheck.PROPERTY_SOURCE,
						Map.of(CourseFolderCheck.PROPERTY, ex)));
			return;
		}
		if (!decision.overrides().isEmpty()) {
			environment.getPropertySources().addFirst(new MapPropertySource(PROPERTY_SOURCE, decision.overrides()));
		}
		log.info("Course content from " + decision.content() + ", translations from " + decision.translations());
	}

	/**
	 * The folders for the given configuration.
	 * @param workingDir where {@code ./content} and {@code ./translations} are looked for
	 * @param shipped the course in the jar, read only when needed
	 */
	static Decision decide(ConfigurableEnvironment environment, Path workingDir, Supplier<ShippedCourse> shipped) {
		Map<String, Object> overrides = new LinkedHashMap<>();
		Path dataDir = workingDir.resolve(environment.getProperty(DATA_DIR_PROPERTY, "data"));
		JarCopy jarCopy = new JarCopy(shipped, dataDir);
		Path content = choose(environment, CONTENT_PROPERTY, "APP_CONTENT_DIR", "content", workingDir, jarCopy);
		Path translations = choose(environment, TRANSLATIONS_PROPERTY, "APP_TRANSLATIONS_DIR", "translations",
				workingDir, jarCopy);
		if (content != null) {
			overrides.put(CONTENT_PROPERTY, content.toString());
		}
		if (translations != null) {
			overrides.put(TRANSLATIONS_PROPERTY, translations.toString());
			overrides.put(UI_STRINGS_PROPERTY, translations.resolve("ui").toString());
		}
		return new Decision(
				content != null ? content : workingDir.resolve(configured(environment, CONTENT_PROPERTY, "content")),
				translations != null ? translations
						: workingDir.resolve(configured(environment, TRANSLATIONS_PROPERTY, "translations")),
				overrides);
	}

	/**
	 * @return the jar's copy of the folder, or {@code null} when the configured or
	 * working folder is used as it is
	 */
	private static @Nullable Path choose(ConfigurableEnvironment environment, String property, String variable,
			String name, Path workingDir, JarCopy jarCopy) {
		String configured = configured(environment, property, name);
		boolean explicit = !configured.equals(name);
		Path folder = workingDir.resolve(configured);
		if (explicit) {
			String setting = environment.getSystemEnvironment().containsKey(variable) ? variable : property;
			requireReadableFolder(folder, "set by " + setting);
			return null;
		}
		if (Files.exists(folder)) {
			requireReadableFolder(folder, "found in the working folder");
			return null;
		}
		return jarCopy.folder().resolve(name);
	}

	private static String configured(ConfigurableEnvironment environment, String property, String name) {
		String value = environment.getProperty(property);
		return value == null || value.isBlank() ? name : value.trim();
	}

	/**
	 * Ends the start unless the folder can be read.
	 * @param origin where the folder came from, for the operator's line
	 */
	private static void requireReadableFolder(Path folder, String origin) {
		if (!Files.isDirectory(folder)) {
			throw new CourseFolderException("The course folder " + folder.toAbsolutePath().normalize() + " (" + origin
					+ ") does not exist or is not a folder.", folder);
		}
		if (!Files.isReadable(folder) || !Files.isExecutable(folder)) {
			throw new CourseFolderException("The course folder " + folder.toAbsolutePath().normalize() + " (" + origin
					+ ") cannot be read by this user.", folder);
		}
	}

	/** Where the folders come from, and the properties changed to say so. */
	record Decision(Path content, Path translations, Map<String, Object> overrides) {
	}

	/** The jar's course, extracted on first use only. */
	private static final class JarCopy {

		private final Supplier<ShippedCourse> shipped;

		private final Path dataDir;

		private @Nullable Path folder;

		JarCopy(Supplier<ShippedCourse> shipped, Path dataDir) {
			this.shipped = shipped;
			this.dataDir = dataDir;
		}

		Path folder() {
			if (folder == null) {
				ShippedCourse course = shipped.get();
				if (course.isEmpty()) {
					throw new CourseFolderException("No course found: this jar carries none, and neither ./content "
							+ "nor APP_CONTENT_DIR is there.", dataDir);
				}
				try {
					folder = course.extractTo(dataDir).toAbsolutePath().normalize();
				}
				catch (IOException | RuntimeException ex) {
					throw new CourseFolderException(
							"The course in the jar cannot be written to "
									+ dataDir.toAbsolutePath().normalize().resolve("course") + " (DATA_DIR): " + ex,
							dataDir, ex);
				}
			}
			return folder;
		}

	}

}
