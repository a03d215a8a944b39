package org.lepha.academy.content;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.content.internal.ContentService;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Translations edited in the application are served over the files': approved always,
 * drafts only when drafts are served, stale when made from other English.
 */
class TranslationOverridesTests {

	static final Path CONTENT = Path.of("src/test/resources/content-valid/content");

	static final Path TRANSLATIONS = Path.of("src/test/resources/content-valid/translations");

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	private final Languages languages = new Languages(List.of("en", "ru", "fa-AF"));

	private ContentService service(boolean serveDrafts, Map<String, TranslationOverrides.Edit> edits) {
		TranslationOverrides overrides = (moduleId, locale,
				key) -> "example-module".equals(moduleId) && DARI.equals(locale) ? Optional.ofNullable(edits.get(key))
						: Optional.empty();
		var beans = new StaticListableBeanFactory(Map.of("overrides", overrides));
		return new ContentService(CONTENT, TRANSLATIONS, languages, serveDrafts, false,
				beans.getBeanProvider(TranslationOverrides.class));
	}

	@Test
	void approvedEditsAlwaysAndDraftsOnlyWhenServed() {
		Text title = service(true, Map.of()).module("example-module").orElseThrow().title();
		String hash = TranslationFiles.sourceHash(title.english());
		String fileText = service(true, Map.of()).resolve("example-module", title, DARI).text();

		var draft = Map.of(title.key(), new TranslationOverrides.Edit("پیش‌نویس تازه", false, hash));
		assertThat(service(true, draft).resolve("example-module", title, DARI))
			.isEqualTo(new ResolvedText("پیش‌نویس تازه", ResolvedText.Origin.DRAFT, false));
		assertThat(service(false, draft).resolve("example-module", title, DARI).text()).isNotEqualTo("پیش‌نویس تازه");
		assertThat(service(false, draft).resolve("example-module", title, DARI).text()).isIn(fileText, title.english());

		var approved = Map.of(title.key(), new TranslationOverrides.Edit("تأییدشده", true, hash));
		assertThat(service(false, approved).resolve("example-module", title, DARI))
			.isEqualTo(new ResolvedText("تأییدشده", ResolvedText.Origin.APPROVED, false));

		var stale = Map.of(title.key(), new TranslationOverrides.Edit("کهنه", true, "0000000000000000"));
		assertThat(service(true, stale).resolve("example-module", title, DARI).stale()).isTrue();
		// English readers never see edits.
		assertThat(service(true, approved).resolve("example-module", title, Locale.ENGLISH).text())
			.isEqualTo(title.english());
	}

}
