package org.lepha.academy.certificates.internal;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.LocalizedFormats;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.certificates.Certificate;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.Verification;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * The public verification page ({@code /verify/{code}}, what the QR code opens) and its
 * JSON form for other systems ({@code /api/certificates/{code}}). A small server-made
 * page, not a Vaadin view: it must open fast on any phone, without JavaScript, and be
 * easy to rate-limit.
 */
@RestController
class VerificationController {

	/** Nothing runs on this page; styles are inline. */
	private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; font-src 'self'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	private final CertificateService certificates;

	private final ClientRateLimiter limiter;

	private final UiTranslationProvider translations;

	private final Languages languages;

	private final LocalizedFormats formats;

	VerificationController(CertificateService certificates, ClientRateLimiter limiter,
			UiTranslationProvider translations, Languages languages, LocalizedFormats formats) {
		this.certificates = certificates;
		this.limiter = limiter;
		this.translations = translations;
		this.languages = languages;
		this.formats = formats;
	}

	@GetMapping(path = "/verify/{code}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String code, @RequestParam(name = "lang", required = false) String lang,
			HttpServletRequest request) {
		Locale locale = lang != null ? this.languages.bestMatch(Locale.forLanguageTag(lang))
				: this.languages.bestMatch(java.util.Collections.list(request.getLocales()));
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return html(HttpStatus.TOO_MANY_REQUESTS, locale, t(locale, "verify.title"),
					"<p class=\"status unknown\">" + esc(t(locale, "verify.tooMany")) + "</p>");
		}
		Verification verification = this.certificates.verify(code);
		return html(HttpStatus.OK, locale, t(locale, "verify.title"), body(verification, code, locale));
	}

	@GetMapping(path = "/api/certificates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> json(@PathVariable String code, HttpServletRequest request) {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header("Retry-After", "60")
				.body(Map.of("error", "too many requests"));
		}
		Verification verification = this.certificates.verify(code);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("status", verification.status().name());
		Certificate c = verification.certificate();
		if (c != null) {
			body.put("serial", c.serial());
			body.put("kind", c.kind().name());
			body.put("subject", c.subject());
			body.put("cadet", c.cadetName());
			body.put("academy", c.academyName());
			body.put("cohort", c.cohortName());
			body.put("completedOn", c.completedOn().toString());
			body.put("issuedAt", c.issuedAt().toString());
			body.put("signatory", c.signatoryName());
			if (c.revoked()) {
				body.put("revokedAt", c.revokedAt().toString());
				body.put("revocationReason", c.revokeReason());
			}
			List<Map<String, String>> documents = new ArrayList<>();
			for (Verification.IssuedDocument d : verification.documents()) {
				documents.add(Map.of("language", d.language(), "title", d.title(), "sha256", d.sha256()));
			}
			body.put("documents", documents);
		}
		HttpStatus status = c == null ? HttpStatus.NOT_FOUND : HttpStatus.OK;
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
	}

	private String body(Verification verification, String code, Locale locale) {
		StringBuilder html = new StringBuilder();
		Certificate c = verification.certificate();
		String status = verification.status().name();
		html.append("<p class=\"status ")
			.append(status.toLowerCase(Locale.ROOT))
			.append("\" id=\"status\">")
			.append(esc(t(locale, "verify.status." + status)))
			.append("</p>");
		if (c == null) {
			html.append("<p>").append(esc(t(locale, "verify.unknown.help"))).append("</p>");
			return html.toString();
		}
		if (c.revoked()) {
			html.append("<p class=\"revoked-note\">")
				.append(esc(t(locale, "verify.revokedOn",
						this.formats.dateTime(c.revokedAt(), ZoneId.systemDefault(), locale), c.revokeReason())))
				.append("</p>");
		}
		String title = verification.documents()
			.stream()
			.filter((d) -> d.language().equals(locale.toLanguageTag()))
			.map(Verification.IssuedDocument::title)
			.findFirst()
			.orElse(verification.documents().isEmpty() ? c.subject() : verification.documents().get(0).title());
		html.append("<dl>");
		field(html, t(locale, "verify.field.cadet"), c.cadetName());
		field(html,
				t(locale, c.kind() == Certificate.Kind.PROGRAMME ? "verify.field.programme" : "verify.field.module"),
				title);
		field(html, t(locale, "verify.field.academy"), c.academyName());
		field(html, t(locale, "verify.field.cohort"), c.cohortName());
		String date = this.formats.date(c.completedOn(), locale);
		String gregorian = this.formats.gregorianDate(c.completedOn(), locale);
		field(html, t(locale, "verify.field.completed"), date.equals(gregorian) ? date : date + " (" + gregorian + ")");
		field(html, t(locale, "verify.field.issued"),
				this.formats.dateTime(c.issuedAt(), ZoneId.systemDefault(), locale));
		field(html, t(locale, "verify.field.serial"), c.serial());
		field(html, t(locale, "verify.field.signatory"), c.signatoryName());
		html.append("</dl>");
		html.append("<h2>").append(esc(t(locale, "verify.sha256.heading"))).append("</h2>");
		html.append("<p class=\"hint\">")
			.append(esc(t(locale, "verify.sha256.help")))
			.append("</p><ul class=\"hashes\">");
		for (Verification.IssuedDocument d : verification.documents()) {
			html.append("<li><span>")
				.append(esc(this.translations.languageName(Locale.forLanguageTag(d.language()))))
				.append("</span> <code dir=\"ltr\">")
				.append(esc(d.sha256()))
				.append("</code></li>");
		}
		html.append("</ul>");
		return html.toString();
	}

	private static void field(StringBuilder html, String label, String value) {
		html.append("<dt>").append(esc(label)).append("</dt><dd>").append(esc(value)).append("</dd>");
	}

	private ResponseEntity<String> html(HttpStatus status, Locale locale, String title, String body) {
		boolean rtl = Languages.isRightToLeft(locale);
		StringBuilder links = new StringBuilder("<nav>");
		for (Locale l : this.languages.all()) {
			links.append("<a href=\"?lang=")
				.append(esc(l.toLanguageTag()))
				.append("\" lang=\"")
				.append(esc(l.toLanguageTag()))
				.append("\">")
				.append(esc(this.translations.languageName(l)))
				.append("</a> ");
		}
		links.append("</nav>");
		String page = """
				<!DOCTYPE html>
				<html lang="%s" dir="%s">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<meta name="robots" content="noindex">
				<title>%s</title>
				<style>
				@font-face { font-family: "Noto Sans Arabic"; src: url("/fonts/NotoSansArabic-Regular.woff2") format("woff2"); }
				body { font-family: system-ui, "Noto Sans", "Noto Sans Arabic", sans-serif; margin: 0 auto; max-width: 40rem; padding: 1rem; color: #1b1b1b; line-height: 1.5; }
				nav { text-align: end; font-size: .9rem; } nav a { margin-inline-start: .75rem; color: #1f3a5f; }
				h1 { font-size: 1.4rem; color: #1f3a5f; }
				.status { font-size: 1.6rem; font-weight: 700; padding: .75rem 1rem; border-radius: .5rem; }
				.valid { background: #e3f4e8; color: #0b5d1e; } .revoked { background: #fde8e8; color: #8a1010; }
				.unknown { background: #eee; color: #333; }
				dl { display: grid; grid-template-columns: minmax(8rem, max-content) 1fr; gap: .4rem 1rem; }
				dt { font-weight: 600; color: #444; } dd { margin: 0; }
				code { font-size: .8rem; word-break: break-all; } .hint { color: #555; font-size: .9rem; }
				ul.hashes { padding-inline-start: 1rem; } ul.hashes span { font-weight: 600; }
				</style>
				</head>
				<body>
				%s
				<h1>%s</h1>
				%s
				</body>
				</html>
				"""
			.formatted(esc(locale.toLanguageTag()), rtl ? "rtl" : "ltr", esc(title), links, esc(title), body);
		return ResponseEntity.status(status)
			.contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.header("Content-Security-Policy", CSP)
			.header("X-Content-Type-Options", "nosniff")
			.header("Referrer-Policy", "no-referrer")
			.body(page);
	}

	private String t(Locale locale, String key, Object... params) {
		return this.translations.getTranslation(key, locale, params);
	}

	private static String esc(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text, "UTF-8");
	}

}
