package org.lepha.academy.translation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;
import org.lepha.academy.translation.internal.GlossaryRepository;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.HtmlUtils;

/**
 * The glossary of agreed translations per language: translators of a language and
 * administrators list, add and remove its terms; the workspace highlights the terms in
 * the English and warns when a translation does not use the agreed wording.
 */
@Service
public class Glossary {

	private static final int MAX_TERM = TextLimits.GLOSSARY_TERM;

	private static final int MAX_TRANSLATION = TextLimits.GLOSSARY_TRANSLATION;

	private final GlossaryRepository repository;

	private final UserAccountService accounts;

	private final Languages languages;

	private final ContentCatalog content;

	public Glossary(GlossaryRepository repository, UserAccountService accounts, Languages languages,
			ContentCatalog content) {
		this.content = content;
		this.repository = repository;
		this.accounts = accounts;
		this.languages = languages;
	}

	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<GlossaryTerm> terms(Locale locale) {
		requireLocale(locale);
		return allTerms(locale);
	}

	/**
	 * The shipped terms of {@code translations/glossary/} (the ones the validator checks)
	 * first, then those added in the workspace.
	 */
	private List<GlossaryTerm> allTerms(Locale locale) {
		List<GlossaryTerm> terms = new ArrayList<>();
		for (org.lepha.academy.content.GlossaryTerm shipped : content.glossary(locale)) {
			terms.add(new GlossaryTerm(locale, shipped.english(), shipped.target(), null, null, shipped.forms(),
					shipped.note(), true));
		}
		terms.addAll(repository.terms(locale));
		return terms;
	}

	/** Adds a term, or changes the agreed translation of a term already there. */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public GlossaryTerm add(Locale locale, String term, String translation) {
		UserAccount me = requireLocale(locale);
		String t = normalizeSpace(term);
		String tr = normalizeSpace(translation);
		if (t.isEmpty() || tr.isEmpty()) {
			throw new IllegalArgumentException("A glossary term and its translation must not be empty");
		}
		TextLimits.require(t, MAX_TERM);
		TextLimits.require(tr, MAX_TRANSLATION);
		Instant now = Instant.now();
		repository.save(locale, t, tr, me.id(), now);
		return new GlossaryTerm(locale, t, tr, me.id(), now);
	}

	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional
	public void remove(Locale locale, String term) {
		requireLocale(locale);
		repository.delete(locale, normalizeSpace(term));
	}

	/**
	 * Warnings for each term whose English occurs in the source (whole words, ignoring
	 * case) while its agreed translation does not occur in the target (ignoring case).
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<GlossaryWarning> check(Locale locale, String source, String target) {
		requireLocale(locale);
		return check(allTerms(locale), source, target);
	}

	/**
	 * The English source as HTML: everything escaped, the glossary terms wrapped in
	 * {@code <mark>} with the agreed translation as title.
	 */
	@PreAuthorize("hasAnyRole('TRANSLATOR', 'ADMIN')")
	@Transactional(readOnly = true)
	public String highlight(Locale locale, String source) {
		requireLocale(locale);
		return highlight(allTerms(locale), source);
	}

	static List<GlossaryWarning> check(List<GlossaryTerm> terms, String source, String target) {
		if (source == null || source.isEmpty()) {
			return List.of();
		}
		String normalizedTarget = normalizeForSearch(target == null ? "" : target);
		List<GlossaryWarning> warnings = new ArrayList<>();
		for (GlossaryTerm term : terms) {
			if (wordPattern(List.of(term)).matcher(source).find()
					&& term.forms().stream().noneMatch((f) -> normalizedTarget.contains(normalizeForSearch(f)))) {
				warnings.add(new GlossaryWarning(term.term(), term.translation()));
			}
		}
		return warnings;
	}

	static String highlight(List<GlossaryTerm> terms, String source) {
		if (source == null) {
			return "";
		}
		if (terms.isEmpty()) {
			return HtmlUtils.htmlEscape(source, "UTF-8");
		}
		List<GlossaryTerm> longestFirst = terms.stream()
			.sorted(Comparator.comparingInt((GlossaryTerm t) -> t.term().length()).reversed())
			.toList();
		Matcher matcher = wordPattern(longestFirst).matcher(source);
		StringBuilder html = new StringBuilder();
		int last = 0;
		while (matcher.find()) {
			html.append(HtmlUtils.htmlEscape(source.substring(last, matcher.start()), "UTF-8"));
			String found = matcher.group();
			String title = longestFirst.stream()
				.filter((t) -> t.term().equalsIgnoreCase(normalizeSpace(found)))
				.map(GlossaryTerm::translation)
				.findFirst()
				.orElse("");
			html.append("<mark class=\"glossary-term\" title=\"")
				.append(HtmlUtils.htmlEscape(title, "UTF-8"))
				.append("\">")
				.append(HtmlUtils.htmlEscape(found, "UTF-8"))
				.append("</mark>");
			last = matcher.end();
		}
		html.append(HtmlUtils.htmlEscape(source.substring(last), "UTF-8"));
		return html.toString();
	}

	private static Pattern wordPattern(List<GlossaryTerm> terms) {
		StringBuilder alternatives = new StringBuilder();
		for (GlossaryTerm term : terms) {
			if (!alternatives.isEmpty()) {
				alternatives.append('|');
			}
			// Whitespace inside a term matches any run of whitespace (line breaks too).
			String[] words = term.term().strip().split("\\s+");
			List<String> quoted = new ArrayList<>();
			for (String word : words) {
				quoted.add(Pattern.quote(word));
			}
			alternatives.append(String.join("\\s+", quoted));
		}
		return Pattern.compile("(?<![\\p{L}\\p{N}_])(?:" + alternatives + ")(?![\\p{L}\\p{N}_])",
				Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	/** Lower case, one space between words, Arabic letters as in Dari and Persian. */
	private static String normalizeForSearch(String text) {
		return normalizeSpace(text).replace('\u064A', '\u06CC')
			.replace('\u0643', '\u06A9')
			.replace('\u0649', '\u06CC')
			.toLowerCase(Locale.ROOT);
	}

	private static String normalizeSpace(String text) {
		return text == null ? "" : text.strip().replaceAll("\\s+", " ");
	}

	private UserAccount requireLocale(Locale locale) {
		return TranslatorAccess.require(accounts, languages, locale);
	}

}
