package org.lepha.academy.certificates.internal;

import java.io.IOException;
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
import org.lepha.academy.certificates.CertificateProperties;
import org.lepha.academy.certificates.CertificateService;
import org.lepha.academy.certificates.UploadCheck;
import org.lepha.academy.certificates.Verification;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.HtmlUtils;

/**
 * The public verification page ({@code /verify/{code}}, what the QR code opens) and its
 * JSON form for other systems ({@code /api/certificates/{code}}). A small server-made
 * page, not a Vaadin view: it must open fast on any phone, without JavaScript, and be
 * easy to rate-limit.
 */
@RestController
class VerificationController {

	/**
	 * Nothing runs on this page; styles are inline. The only form is the upload, posted
	 * back here.
	 */
	private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; font-src 'self'; "
			+ "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	private final CertificateService certificates;

	private final ClientRateLimiter limiter;

	private final UiTranslationProvider translations;

	private final Languages languages;

	private final LocalizedFormats formats;

	private final CertificateProperties properties;

	VerificationController(CertificateService certificates, ClientRateLimiter limiter,
			UiTranslationProvider translations, Languages languages, LocalizedFormats formats,
			CertificateProperties properties) {
		this.properties = properties;
		this.certificates = certificates;
		this.limiter = limiter;
		this.translations = translations;
		this.languages = languages;
		this.formats = formats;
	}

	@GetMapping(path = "/verify/{code}", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> page(@PathVariable String code, @RequestParam(name = "lang", required = false) String lang,
			HttpServletRequest request) {
		Locale locale = locale(lang, request);
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return html(HttpStatus.TOO_MANY_REQUESTS, locale, t(locale, "verify.title"),
					"<p class=\"status unknown\">" + esc(t(locale, "verify.tooMany")) + "</p>");
		}
		Verification verification = this.certificates.verify(code);
		return html(HttpStatus.OK, locale, t(locale, "verify.title"),
				body(verification, code, locale) + credentialLink(verification, locale) + uploadForm(locale));
	}

	/** The page without a code: only the upload form. */
	@GetMapping(path = { "/verify", "/verify/" }, produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> uploadPage(@RequestParam(name = "lang", required = false) String lang,
			HttpServletRequest request) {
		Locale locale = locale(lang, request);
		return html(HttpStatus.OK, locale, t(locale, "verify.title"), uploadForm(locale));
	}

	/**
	 * An uploaded certificate PDF or credential, checked. The form is posted without a
	 * CSRF token (see the security configuration): the page is public, keeps no session
	 * and the check changes nothing.
	 */
	@PostMapping(path = "/verify/upload", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> upload(@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "lang", required = false) String lang, HttpServletRequest request) throws IOException {
		Locale locale = locale(lang, request);
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return html(HttpStatus.TOO_MANY_REQUESTS, locale, t(locale, "verify.title"),
					"<p class=\"status unknown\">" + esc(t(locale, "verify.tooMany")) + "</p>");
		}
		return uploadResult(this.certificates.checkUpload(bytes(file)), locale);
	}

	/** The same check for other systems: multipart field {@code file}. */
	@PostMapping(path = "/api/certificates/verify", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> uploadJson(@RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request) throws IOException {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return tooManyJson();
		}
		return uploadJson(this.certificates.checkUpload(bytes(file)));
	}

	/** The upload's bytes; one over the limit is not read into memory at all. */
	private static byte[] bytes(MultipartFile file) throws IOException {
		if (file == null) {
			return new byte[0];
		}
		return file.getSize() > UploadCheck.MAX_BYTES ? new byte[UploadCheck.MAX_BYTES + 1] : file.getBytes();
	}

	private ResponseEntity<Map<String, Object>> uploadJson(UploadCheck check) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("format", check.format().name());
		body.put("signature", check.signature().name());
		body.put("matchesRecord", check.matchesRecord());
		body.put("status", check.verification().status().name());
		body.put("confirmed", check.confirmed());
		Certificate c = check.verification().certificate();
		if (c != null) {
			body.put("serial", c.serial());
			body.put("verification", this.properties.verificationUrl(c.code()));
		}
		HttpStatus status = switch (check.format()) {
			case TOO_LARGE -> HttpStatus.PAYLOAD_TOO_LARGE;
			case EMPTY, UNREADABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
			default -> HttpStatus.OK;
		};
		return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(body);
	}

	private ResponseEntity<String> uploadResult(UploadCheck check, Locale locale) {
		StringBuilder html = new StringBuilder("<section id=\"upload-result\">");
		html.append("<h2>").append(esc(t(locale, "badge.result.heading"))).append("</h2>");
		String verdictKey = switch (check.format()) {
			case TOO_LARGE, EMPTY, UNREADABLE -> "badge.format." + check.format().name();
			default -> check.confirmed() ? "badge.result.confirmed" : "badge.result.notConfirmed";
		};
		html.append("<p class=\"status ")
			.append(check.confirmed() ? "valid" : "revoked")
			.append("\" id=\"check-verdict\" data-confirmed=\"")
			.append(check.confirmed())
			.append("\">")
			.append(esc(t(locale, verdictKey)))
			.append("</p>");
		if (check.signature() != UploadCheck.Signature.NOT_CHECKED) {
			html.append("<ul class=\"checks\"><li id=\"check-signature\" data-result=\"")
				.append(check.signature().name())
				.append("\">")
				.append(esc(t(locale, "badge.signature." + check.signature().name())))
				.append("</li><li id=\"check-record\" data-result=\"")
				.append(check.matchesRecord())
				.append("\">")
				.append(esc(t(locale, check.matchesRecord() ? "badge.record.match" : "badge.record.noMatch")))
				.append("</li><li id=\"check-status\" data-result=\"")
				.append(check.verification().status().name())
				.append("\">")
				.append(esc(t(locale, "badge.result.status",
						t(locale, "verify.status." + check.verification().status().name()))))
				.append("</li></ul>");
		}
		html.append("</section>");
		Certificate c = check.verification().certificate();
		if (c != null) {
			html.append(body(check.verification(), c.code(), locale));
		}
		html.append(uploadForm(locale));
		HttpStatus status = check.format() == UploadCheck.Format.TOO_LARGE ? HttpStatus.PAYLOAD_TOO_LARGE
				: HttpStatus.OK;
		return html(status, locale, t(locale, "verify.title"), html.toString());
	}

	/**
	 * For the holder: their credential. Shown to everyone, since the page does not know
	 * who is looking; the download itself is refused to anyone else.
	 */
	private String credentialLink(Verification verification, Locale locale) {
		Certificate c = verification.certificate();
		if (c == null) {
			return "";
		}
		return "<p class=\"hint\"><a id=\"credential-link\" href=\"/api/certificates/" + esc(c.code())
				+ "/credential\">" + esc(t(locale, "badge.credential.link")) + "</a> "
				+ esc(t(locale, "badge.credential.linkHelp")) + "</p>";
	}

	private String uploadForm(Locale locale) {
		return "<section class=\"upload\"><h2>" + esc(t(locale, "badge.upload.heading")) + "</h2><p class=\"hint\">"
				+ esc(t(locale, "badge.upload.help"))
				+ "</p><form method=\"post\" enctype=\"multipart/form-data\" action=\"/verify/upload?lang="
				+ esc(locale.toLanguageTag()) + "\"><label for=\"file\">" + esc(t(locale, "badge.upload.file"))
				+ "</label> <input type=\"file\" id=\"file\" name=\"file\" required "
				+ "accept=\".pdf,.jwt,application/pdf,application/vc+jwt\"> <button type=\"submit\" id=\"check-file\">"
				+ esc(t(locale, "badge.upload.submit")) + "</button></form></section>";
	}

	private Locale locale(String lang, HttpServletRequest request) {
		return lang != null ? this.languages.bestMatch(Locale.forLanguageTag(lang))
				: this.languages.bestMatch(java.util.Collections.list(request.getLocales()));
	}

	@GetMapping(path = "/api/certificates/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> json(@PathVariable String code, HttpServletRequest request) {
		if (!this.limiter.tryAcquire(request.getRemoteAddr())) {
			return tooManyJson();
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

	/** The JSON answer to a client over the rate limit. */
	static ResponseEntity<Map<String, Object>> tooManyJson() {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header("Retry-After", "60")
			.body(Map.of("error", "too many requests"));
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
				section.upload { margin-top: 2rem; border-top: 1px solid #ccc; } ul.checks { padding-inline-start: 1.2rem; }
				button { font: inherit; padding: .4rem 1rem; }
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
