package org.lepha.academy.translation.internal;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.lepha.academy.base.i18n.UiStringOverrides;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Component;

/**
 * Serves the UI string edits over the files: approved edits always, drafts too when
 * {@code app.translations.serve-drafts} is true. Each language's edits are cached for a
 * short time; the workspace clears the cache on every save and approval, the time limit
 * covers edits made on another server.
 */
@Component
public class UiStringEditOverrides implements UiStringOverrides {

	private static final Logger log = LoggerFactory.getLogger(UiStringEditOverrides.class);

	private static final Duration TTL = Duration.ofSeconds(30);

	private final UiStringEditRepository repository;

	private final boolean serveDrafts;

	private final Map<Locale, Cached> cache = new ConcurrentHashMap<>();

	private record Cached(Map<String, String> patterns, long loadedAt) {
	}

	public UiStringEditOverrides(UiStringEditRepository repository,
			@Value("${app.translations.serve-drafts:true}") boolean serveDrafts) {
		this.repository = repository;
		this.serveDrafts = serveDrafts;
	}

	@Override
	public Optional<String> pattern(Locale locale, String key) {
		long now = System.nanoTime();
		Cached cached = cache.get(locale);
		if (cached == null || now - cached.loadedAt() > TTL.toNanos()) {
			Map<String, String> patterns = new ConcurrentHashMap<>();
			try {
				repository.edits(locale)
					.values()
					.stream()
					.filter((e) -> e.approved() || serveDrafts)
					.forEach((e) -> patterns.put(e.key(), e.text()));
			}
			catch (DataAccessException ex) {
				// The files still serve every string; try the database again after the
				// TTL.
				log.warn("Cannot read UI string edits for {}: {}", locale.toLanguageTag(), ex.getMessage());
			}
			cached = new Cached(patterns, now);
			cache.put(locale, cached);
		}
		return Optional.ofNullable(cached.patterns().get(key));
	}

	/** Forgets the cached edits, so the next string comes from the database. */
	public void clear() {
		cache.clear();
	}

}
