package org.lepha.academy.learning.internal;

import java.util.Locale;

import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.ResolvedText;
import org.lepha.academy.content.Text;
import org.lepha.academy.learning.LearningException;

import org.springframework.stereotype.Component;

/**
 * The catalogue as the learning services read it: a module that does not exist (or is no
 * longer served) is the cadet's "not found", and texts resolve in the cadet's language.
 */
@Component
public class LearningContent {

	private final ContentCatalog content;

	public LearningContent(ContentCatalog content) {
		this.content = content;
	}

	public Module module(String moduleId) {
		return content.module(moduleId).orElseThrow(() -> new LearningException("learning.error.notFound"));
	}

	public ResolvedText text(Module module, Text text, Locale locale) {
		return content.resolve(module.id(), text, locale);
	}

}
