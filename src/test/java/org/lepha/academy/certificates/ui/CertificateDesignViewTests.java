package org.lepha.academy.certificates.ui;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import javax.imageio.ImageIO;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import org.junit.jupiter.api.Test;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.TestAccounts;
import org.lepha.academy.certificates.CertificateDesignVersion;
import org.lepha.academy.certificates.CertificateDesigns;
import org.lepha.academy.cohorts.Academy;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrator's certificate design page: a refused upload and a refused wording are
 * explained and change nothing; a preview shows the three languages; saving makes a new
 * version that the page then shows.
 */
@IntegrationTest
class CertificateDesignViewTests extends SpringBrowserlessTest {

	@Autowired
	CertificateDesigns designs;

	@Test
	@WithUserDetails(TestAccounts.ADMIN)
	void anAdministratorUploadsPreviewsAndSavesADesign() throws IOException {
		navigate(CertificateDesignView.class);
		@SuppressWarnings("unchecked")
		Select<Academy> academy = $(Select.class).id("design-academy");
		Academy selected = designs.academies()
			.stream()
			.filter((a) -> a.name().equals(TestAccounts.ACADEMY))
			.findFirst()
			.orElseThrow();
		test(academy).selectItem(selected.name());
		int before = designs.current(selected.id()).map(CertificateDesignVersion::version).orElse(0);

		// The test database is kept between runs: the academy may already show the emblem
		// an earlier run saved. A refused upload must leave whatever is shown as it was.
		long shownBefore = $(Div.class).id("design-emblem-image").getChildren().count();
		Upload emblem = $(Upload.class).id("design-emblem-upload");
		test(emblem).upload("emblem.svg", "image/svg+xml",
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"/>"
					.getBytes(StandardCharsets.UTF_8));
		Paragraph error = $(Paragraph.class).id("design-error");
		assertThat(error.isVisible()).isTrue();
		assertThat(error.getText()).startsWith("This SVG file contains a script");
		assertThat($(Div.class).id("design-emblem-image").getChildren()).hasSize((int) shownBefore);

		test(emblem).upload("emblem.png", "image/png", png(600, 600));
		assertThat(error.isVisible()).isFalse();
		assertThat($(Div.class).id("design-emblem-image").getChildren()).hasSize(1);

		test($(TextField.class).id("design-signatory-1-name")).setValue("Farid Rahimi");
		test($(TextField.class).id("design-signatory-1-title-en")).setValue("Director");
		test($(TextArea.class).id("design-wording-en")).setValue("This certifies that {0} completed.");
		test($(Button.class).id("design-save")).click();
		assertThat(error.getText()).startsWith("The wording must contain {0} (the name) and then {1}");
		assertThat(designs.current(selected.id()).map(CertificateDesignVersion::version).orElse(0)).isEqualTo(before);

		test($(TextArea.class).id("design-wording-en")).setValue("This certifies that {0} completed {1}.");
		test($(Button.class).id("design-preview")).click();
		assertThat(error.isVisible()).isFalse();
		assertThat($(Image.class).all()).extracting(Image::getId)
			.contains(java.util.Optional.of("design-preview-en"), java.util.Optional.of("design-preview-ru"),
					java.util.Optional.of("design-preview-fa-AF"));

		test($(Button.class).id("design-save")).click();
		CertificateDesignVersion saved = designs.current(selected.id()).orElseThrow();
		assertThat(saved.version()).isEqualTo(before + 1);
		assertThat(saved.design().emblemPng()).isNotNull();
		assertThat(saved.design().signatories()).singleElement().satisfies((s) -> {
			assertThat(s.name()).isEqualTo("Farid Rahimi");
			assertThat(s.title("en")).isEqualTo("Director");
		});
		assertThat(saved.design().wording()).containsEntry("en", "This certifies that {0} completed {1}.");
		assertThat($(Paragraph.class).id("design-status").getText())
			.isEqualTo("Saved as version " + saved.version() + ". Certificates issued from now on use it.");
	}

	private static byte[] png(int width, int height) throws IOException {
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
		Graphics2D g = image.createGraphics();
		g.setColor(new Color(0x1F, 0x3A, 0x5F));
		g.fillOval(0, 0, width, height);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(image, "png", out);
		return out.toByteArray();
	}

}
