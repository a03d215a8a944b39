package org.lepha.academy.base.i18n;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LanguageProperties.class)
class I18nConfiguration {

	@Bean
	Languages languages(LanguageProperties properties) {
		return new Languages(properties.languages());
	}

	@Bean
	UiTranslationProvider uiTranslationProvider(Languages languages, LanguageProperties properties) {
		return new UiTranslationProvider(languages, properties.uiStringsDir());
	}

	@Bean
	LocalizedFormats localizedFormats() {
		return new LocalizedFormats();
	}

}
