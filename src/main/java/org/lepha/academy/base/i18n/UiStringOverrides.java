package org.lepha.academy.base.i18n;

import java.util.Locale;
import java.util.Optional;

/**
 * UI strings edited in the application, served over the files in {@code translations/ui}.
 * Implemented by the translation feature; base does not depend on it. An implementation
 * decides which edits are served (approved ones, and drafts when drafts are served) and
 * should answer quickly, as it is asked for every string.
 */
public interface UiStringOverrides {

	/** No edits: the files alone. */
	UiStringOverrides NONE = (locale, key) -> Optional.empty();

	/** The edited ICU MessageFormat pattern of a key in exactly this locale, if any. */
	Optional<String> pattern(Locale locale, String key);

}
