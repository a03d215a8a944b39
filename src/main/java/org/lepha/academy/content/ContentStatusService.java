package org.lepha.academy.content;

import java.util.List;
import java.util.Locale;

import org.lepha.academy.content.internal.ContentService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What administrators (and translators, for coverage) may ask about the content itself.
 */
@Service
public class ContentStatusService {

	private final ContentService content;

	public ContentStatusService(ContentService content) {
		this.content = content;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public List<ContentCatalog.ModuleStatus> status() {
		return content.status();
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'TRANSLATOR')")
	public Coverage coverage(String moduleId, Locale locale) {
		return content.coverage(moduleId, locale);
	}

	/**
	 * Loads the files again, e.g. after an administrator copied new content onto the
	 * server.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public void reload() {
		content.reload();
	}

}
