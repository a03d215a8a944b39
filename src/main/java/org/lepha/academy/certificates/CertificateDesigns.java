package org.lepha.academy.certificates;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.i18n.UiTranslationProvider;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.base.text.TextLimits;
import org.lepha.academy.certificates.internal.CertificateDesignRepository;
import org.lepha.academy.certificates.internal.CertificateRenderer;
import org.lepha.academy.certificates.internal.DesignImages;
import org.lepha.academy.certificates.internal.DesignWording;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Academies' certificate designs, for administrators only: uploads checked and converted,
 * a preview in every language from an unsaved design, and saving as a new version.
 * Certificates keep the version they were issued with (see
 * docs/decisions/0011-certificate-designs.md).
 */
@Service
public class CertificateDesigns {

	/** Preview resolution: an A4 landscape page about 700 pixels wide. */
	private static final float PREVIEW_DPI = 60;

	private final CertificateDesignRepository designs;

	private final CertificateRenderer renderer;

	private final CohortService cohorts;

	private final AuditLog audit;

	private final Languages languages;

	private final UiTranslationProvider translations;

	private final CertificateProperties properties;

	private final Clock clock;

	public CertificateDesigns(CertificateDesignRepository designs, CertificateRenderer renderer, CohortService cohorts,
			AuditLog audit, Languages languages, UiTranslationProvider translations, CertificateProperties properties,
			Clock clock) {
		this.designs = designs;
		this.renderer = renderer;
		this.cohorts = cohorts;
		this.audit = audit;
		this.languages = languages;
		this.translations = translations;
		this.properties = properties;
		this.clock = clock;
	}

	/** A language's preview: the PDF as it would be issued and its page as an image. */
	public record Preview(Locale language, byte[] pdf, byte[] png) {

	}

	/** The academies whose design the administrator may set (all of them). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Academy> academies() {
		return this.cohorts.academiesForNewCohorts(null);
	}

	/** The academy's current design version; empty while it has none. */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public Optional<CertificateDesignVersion> current(long academyId) {
		requireAcademy(academyId);
		return this.designs.current(academyId);
	}

	/**
	 * An uploaded emblem (PNG or SVG) as the PNG the certificate embeds.
	 * @throws CertificateDesignException when the file is refused
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public byte[] emblem(byte[] upload) {
		return DesignImages.prepare(upload, DesignImages.Use.EMBLEM);
	}

	/**
	 * An uploaded signature (PNG) as the PNG the certificate embeds.
	 * @throws CertificateDesignException when the file is refused
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public byte[] signature(byte[] upload) {
		return DesignImages.prepare(upload, DesignImages.Use.SIGNATURE);
	}

	/**
	 * The certificate in every language as it would look with this (unsaved) design.
	 * @throws CertificateDesignException when the design is refused
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional(readOnly = true)
	public List<Preview> preview(long academyId, CertificateDesign draft) {
		Academy academy = requireAcademy(academyId);
		CertificateDesign design = checked(draft);
		List<Preview> previews = new ArrayList<>();
		for (Locale language : this.languages.all()) {
			byte[] pdf = this.renderer.render(sample(academy, design, language), language, design);
			previews.add(new Preview(language, pdf, pageImage(pdf)));
		}
		return previews;
	}

	/**
	 * Saves the design as the academy's next version: certificates issued from now on use
	 * it, those issued before keep theirs.
	 * @throws CertificateDesignException when the design is refused (nothing is saved)
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public CertificateDesignVersion save(long academyId, CertificateDesign draft) {
		requireAcademy(academyId);
		CertificateDesign design = checked(draft);
		long id = this.designs.insert(academyId, design, UserAccountService.currentUserId().orElse(null));
		CertificateDesignVersion saved = this.designs.find(id).orElseThrow();
		this.audit.record(AuditAction.CERTIFICATE_DESIGN_SAVED, "academy", academyId, "version " + saved.version());
		return saved;
	}

	private Academy requireAcademy(long academyId) {
		return this.cohorts.academiesForNewCohorts(null)
			.stream()
			.filter((a) -> a.id() == academyId)
			.findFirst()
			.orElseThrow(() -> new AccessDeniedException("No such academy"));
	}

	/**
	 * The design with every rule applied, whoever built it: names and titles safe and
	 * short, wording with exactly its placeholders, images as {@link #emblem} and
	 * {@link #signature} make them, languages the academy serves.
	 */
	private CertificateDesign checked(CertificateDesign draft) {
		if (draft.signatories().size() > CertificateDesign.MAX_SIGNATORIES) {
			throw new CertificateDesignException("design.error.signatories", CertificateDesign.MAX_SIGNATORIES);
		}
		if (draft.emblemPng() != null && !DesignImages.isAcceptable(draft.emblemPng(), DesignImages.Use.EMBLEM)) {
			throw new CertificateDesignException("design.error.image.broken");
		}
		Set<String> tags = this.languages.all().stream().map(Locale::toLanguageTag).collect(Collectors.toSet());
		List<CertificateDesign.Signatory> signatories = new ArrayList<>();
		for (CertificateDesign.Signatory s : draft.signatories()) {
			if (s.name() == null || s.name().isBlank()) {
				throw new CertificateDesignException("design.error.signatory.name");
			}
			if (s.signaturePng() != null && !DesignImages.isAcceptable(s.signaturePng(), DesignImages.Use.SIGNATURE)) {
				throw new CertificateDesignException("design.error.image.broken");
			}
			Map<String, String> titles = new HashMap<>();
			s.titles().forEach((tag, title) -> {
				if (tags.contains(tag) && title != null && !title.isBlank()) {
					titles.put(tag, SafeNames.requireSafe(title, TextLimits.NAME));
				}
			});
			signatories.add(new CertificateDesign.Signatory(SafeNames.requireSafe(s.name(), TextLimits.FULL_NAME),
					titles, s.signaturePng()));
		}
		Map<String, String> wording = new HashMap<>();
		draft.wording().forEach((tag, text) -> {
			if (tags.contains(tag) && text != null && !text.isBlank()) {
				wording.put(tag, DesignWording.check(text));
			}
		});
		return new CertificateDesign(draft.emblemPng(), signatories, wording);
	}

	private CertificateContent sample(Academy academy, CertificateDesign design, Locale language) {
		String signatory = this.properties.hasConfiguredSignatory() ? this.properties.signatoryName()
				: t("design.preview.trainer", language);
		return new CertificateContent(academy.name(), t("design.preview.cadet", language),
				t("design.preview.module", language), false, t("design.preview.cohort", language),
				LocalDate.now(this.clock), "0000-000000", this.properties.verificationUrl("PREVIEW"), signatory,
				t(this.properties.hasConfiguredSignatory() ? "certificate.signatory.defaultTitle"
						: "certificate.signatory.trainer", language));
	}

	private String t(String key, Locale language) {
		return this.translations.getTranslation(key, language);
	}

	private static byte[] pageImage(byte[] pdf) {
		try (PDDocument document = Loader.loadPDF(pdf)) {
			BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, PREVIEW_DPI);
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(page, "png", png);
			return png.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
