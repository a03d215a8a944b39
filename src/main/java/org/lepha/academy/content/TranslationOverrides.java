package org.lepha.academy.content;

import java.util.Locale;
import java.util.Optional;

/**
 * Translations edited in the application rather than in the files. The content feature
 * declares it; the translation feature implements it, so that content depends on no other
 * feature. An edit takes precedence over the file when it may be served: approved always,
 * a draft only when drafts are served.
 */
public interface TranslationOverrides {

	/** The edit of one segment, if any. */
	Optional<Edit> find(String moduleId, Locale locale, String key);

	/**
	 * @param sourceHash hash of the English the edit was made from
	 */
	record Edit(String target, boolean approved, String sourceHash) {
	}

}
