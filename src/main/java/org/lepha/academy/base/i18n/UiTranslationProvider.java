package org.lepha.academy.base.i18n;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.ibm.icu.text.MessageFormat;
import com.vaadin.flow.i18n.I18NProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the UI strings from {@code translations/ui/<language-tag>.properties} (UTF-8),
 * the files translators edit. Messages use ICU MessageFormat, so plurals work in Russian
 * ({@code {0, plural, one {# модуль} few {# модуля} other {# модулей}}}) and numbers come
 * out in the locale's digits. A key missing in a language falls back to the first
 * configured language.
 */
public class UiTranslationProvider implements I18NProvider {

	private static final Logger log = LoggerFactory.getLogger(UiTranslationProvider.class);

	private final Languages languages;

	private final Map<Locale, Map<String, String>> strings;

	private final UiStringOverrides overrides;

	public UiTranslationProvider(Languages languages, Path directory) {
		this(languages, directory, UiStringOverrides.NONE);
	}

	/**
	 * @param overrides edits made in the application, served over the files of the same
	 * locale
	 */
	public UiTranslationProvider(Languages languages, Path directory, UiStringOverrides overrides) {
		this.languages = languages;
		this.overrides = overrides == null ? UiStringOverrides.NONE : overrides;
		Map<Locale, Map<String, String>> loaded = new LinkedHashMap<>();
		for (Locale locale : languages.all()) {
			loaded.put(locale, load(directory.resolve(locale.toLanguageTag() + ".properties")));
		}
		this.strings = Collections.unmodifiableMap(loaded);
	}

	static Map<String, String> load(Path file) {
		if (!Files.isRegularFile(file)) {
			throw new IllegalStateException("UI strings file missing: " + file.toAbsolutePath());
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read UI strings " + file, ex);
		}
		// Keep the order of the file (translators and the export rely on it).
		Map<String, String> map = new LinkedHashMap<>();
		try {
			for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
				Matcher m = KEY_LINE.matcher(line);
				if (m.find() && properties.containsKey(m.group(1))) {
					map.putIfAbsent(m.group(1), properties.getProperty(m.group(1)));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read UI strings " + file, ex);
		}
		properties.stringPropertyNames()
			.stream()
			.sorted()
			.forEach((key) -> map.putIfAbsent(key, properties.getProperty(key)));
		return Collections.unmodifiableMap(map);
	}

	private static final Pattern KEY_LINE = Pattern.compile("^\\s*([^#!\\s=:\\\\][^\\s=:\\\\]*)\\s*[=:]");

	@Override
	public List<Locale> getProvidedLocales() {
		return languages.all();
	}

	@Override
	public String getTranslation(String key, Locale locale, Object... params) {
		Locale served = languages.bestMatch(locale);
		String pattern = pattern(served, key);
		if (pattern == null) {
			served = languages.fallback();
			pattern = pattern(served, key);
		}
		if (pattern == null) {
			log.warn("Missing UI string '{}'", key);
			return "!" + key;
		}
		if (params == null || params.length == 0) {
			return pattern;
		}
		return new MessageFormat(pattern, served).format(params);
	}

	private String pattern(Locale locale, String key) {
		return overrides.pattern(locale, key).orElseGet(() -> strings.get(locale).get(key));
	}

	/**
	 * The strings of one language as in its file (without edits), in the order of the
	 * file.
	 */
	public Map<String, String> fileStrings(Locale locale) {
		return strings.getOrDefault(locale, Map.of());
	}

	/** The keys of one language, for coverage checks and the translator workspace. */
	public Set<String> keys(Locale locale) {
		return strings.getOrDefault(locale, Map.of()).keySet();
	}

	/** The language's own name, as shown in the language menu («دری» for Dari). */
	public String languageName(Locale locale) {
		return strings.getOrDefault(languages.bestMatch(locale), Map.of())
			.getOrDefault("language.name", locale.getDisplayName(locale));
	}

}
