package org.lepha.academy.base.i18n;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build fails when a language lacks a string English has, when a translation drops or
 * adds a placeholder, when code asks for a key that does not exist, or when a view passes
 * a literal user-visible string instead of a translation key.
 */
class UiStringsCompletenessTests {

	private static final Path UI_STRINGS = Path.of("translations/ui");

	private static final List<String> LANGUAGES = List.of("ru", "fa-AF");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)");

	private final Map<String, String> english = UiTranslationProvider.load(UI_STRINGS.resolve("en.properties"));

	@Test
	void everyLanguageHasEveryEnglishKeyAndNoOthers() {
		for (String language : LANGUAGES) {
			Map<String, String> translated = UiTranslationProvider.load(UI_STRINGS.resolve(language + ".properties"));
			assertThat(translated.keySet()).as("keys of %s", language)
				.containsExactlyInAnyOrderElementsOf(english.keySet());
			translated.forEach((key, text) -> assertThat(text).as("%s in %s", key, language).isNotBlank());
		}
	}

	@Test
	void translationsKeepThePlaceholdersOfTheEnglishString() {
		for (String language : LANGUAGES) {
			Map<String, String> translated = UiTranslationProvider.load(UI_STRINGS.resolve(language + ".properties"));
			english.forEach((key, text) -> assertThat(placeholders(translated.get(key)))
				.as("placeholders of %s in %s", key, language)
				.isEqualTo(placeholders(text)));
		}
	}

	@Test
	void everyKeyTheCodeAsksForExists() throws IOException {
		Pattern call = Pattern.compile("getTranslation\\((?:[^;\"]*\\? )?\"([^\"]+)\"");
		Set<String> missing = new TreeSet<>();
		for (Path file : javaSources(Path.of("src/main/java"))) {
			Matcher m = call.matcher(Files.readString(file));
			while (m.find()) {
				// A key ending in "." is a prefix completed at run time (role.CADET...),
				// checked below.
				if (!m.group(1).endsWith(".") && !english.containsKey(m.group(1))) {
					missing.add(m.group(1) + " (" + file.getFileName() + ")");
				}
			}
		}
		assertThat(missing).as("keys used in code but missing in en.properties").isEmpty();
	}

	@Test
	void everyErrorKeyAServiceReturnsExists() throws IOException {
		// Services refuse with a UI string key (e.g. "import.error.duplicate") that views
		// translate.
		Pattern key = Pattern.compile("\"([a-z]+\\.error\\.[a-zA-Z]+)\"");
		Set<String> missing = new TreeSet<>();
		for (Path file : javaSources(Path.of("src/main/java"))) {
			Matcher m = key.matcher(Files.readString(file));
			while (m.find()) {
				if (!english.containsKey(m.group(1))) {
					missing.add(m.group(1) + " (" + file.getFileName() + ")");
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	@Test
	void everyRoleAndAuditActionHasAName() {
		for (org.lepha.academy.security.Role role : org.lepha.academy.security.Role.values()) {
			assertThat(english).containsKey("role." + role.name());
		}
		for (org.lepha.academy.audit.AuditAction action : org.lepha.academy.audit.AuditAction.values()) {
			assertThat(english).containsKey("audit.action." + action.name());
		}
		for (String callout : List.of("keyfact", "warning", "field")) {
			assertThat(english).containsKey("callout." + callout);
		}
		for (org.lepha.academy.content.Rating rating : org.lepha.academy.content.Rating.values()) {
			assertThat(english).containsKey("rating." + rating.name());
		}
		for (org.lepha.academy.learning.ModuleStatus status : org.lepha.academy.learning.ModuleStatus.values()) {
			assertThat(english).containsKey("status." + status.name());
		}
	}

	@Test
	void viewsPassTranslationKeysNotLiteralText() throws IOException {
		// A literal with a letter in a call that puts text on screen. Ids, CSS classes
		// and
		// routes are not user-visible and are not matched by these calls.
		Pattern literal = Pattern
			.compile("(new (H[1-6]|Paragraph|Span|Button|Anchor|Label|Div|NativeLabel|Text|TextField|PasswordField|"
					+ "TextArea|Checkbox|Select|ComboBox|DatePicker|Tab|Details|SideNavItem)\\(|"
					+ "\\.(setText|setLabel|setHeader|setPlaceholder|setHelperText|setErrorMessage|setTitle|"
					+ "setAriaLabel|setTooltipText|setHeaderTitle|setConfirmText|setCancelText)\\(|"
					+ "Notification\\.show\\()\\s*\"[^\"]*\\p{L}[^\"]*\"");
		List<String> offenders = new ArrayList<>();
		for (Path file : javaSources(Path.of("src/main/java"))) {
			if (!file.toString().contains("/ui/")) {
				continue;
			}
			List<String> lines = Files.readAllLines(file);
			for (int i = 0; i < lines.size(); i++) {
				if (literal.matcher(lines.get(i)).find()) {
					offenders.add(file + ":" + (i + 1) + ": " + lines.get(i).strip());
				}
			}
		}
		assertThat(offenders).as("user-visible literal strings in views").isEmpty();
	}

	@Test
	void dariIsNamedInDari() {
		assertThat(UiTranslationProvider.load(UI_STRINGS.resolve("fa-AF.properties")).get("language.name"))
			.isEqualTo("دری");
	}

	private static Set<String> placeholders(String text) {
		Set<String> found = new TreeSet<>();
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	private static List<Path> javaSources(Path root) throws IOException {
		try (Stream<Path> files = Files.walk(root)) {
			return files.filter((f) -> f.toString().endsWith(".java")).toList();
		}
	}

}
