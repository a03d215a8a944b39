package org.lepha.academy.base.i18n;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.function.SingletonSupplier;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LanguageProperties.class)
class I18nConfiguration {

	@Bean
	Languages languages(LanguageProperties properties) {
		return new Languages(properties.languages());
	}

	@Bean
	UiTranslationProvider uiTranslationProvider(Languages languages, LanguageProperties properties,
			ObjectProvider<UiStringOverrides> overrides) {
		// Looked up on first use: the implementation lives in another module and needs
		// the database.
		SingletonSupplier<UiStringOverrides> lazy = SingletonSupplier
			.of(() -> overrides.getIfAvailable(() -> UiStringOverrides.NONE));
		return new UiTranslationProvider(languages, properties.uiStringsDir(),
				(locale, key) -> lazy.obtain().pattern(locale, key));
	}

	@Bean
	LocalizedFormats localizedFormats() {
		return new LocalizedFormats();
	}

}
