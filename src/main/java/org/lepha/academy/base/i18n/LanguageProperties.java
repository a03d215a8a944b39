package org.lepha.academy.base.i18n;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The languages the server offers. Adding a language needs an entry here (or in
 * {@code APP_LANGUAGES}) and a UI strings file {@code translations/ui/<tag>.properties};
 * no code. The first language is the fallback for missing strings and unknown browser
 * languages.
 */
@ConfigurationProperties("app.i18n")
public record LanguageProperties(@DefaultValue( {
		"en", "ru", "fa-AF" }) List<String> languages, @DefaultValue("translations/ui") Path uiStringsDir){

}
