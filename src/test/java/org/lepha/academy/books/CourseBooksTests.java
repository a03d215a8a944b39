package org.lepha.academy.books;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.books.internal.BookCache;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The service on the real database: who may download which book (cadets the cadet's
 * edition of their assigned modules, trainers both editions of their cohorts' modules,
 * administrators all), and the cache (a second request is served from the stored file).
 */
@IntegrationTest
class CourseBooksTests {

	static final String MODULE = AcademyFixture.MODULE;

	static final Locale DARI = Locale.forLanguageTag("fa-AF");

	@Autowired
	ApplicationContext context;

	@Autowired
	CourseBooks books;

	@Autowired
	BookCache cache;

	AcademyFixture fixtures;

	Academy academy;

	UserAccount trainer;

	UserAccount cadet;

	@BeforeEach
	void cadetInACohortWithTheModuleAssigned() {
		this.fixtures = new AcademyFixture(this.context);
		this.academy = this.fixtures.academy();
		this.trainer = this.fixtures.user(Role.TRAINER, this.academy, "Amina Karimova");
		this.cadet = this.fixtures.user(Role.CADET, this.academy, "Зарина Ахмедова");
		CohortSummary cohort = this.fixtures.cohort(this.academy, this.trainer);
		this.fixtures.enrol(cohort, this.cadet);
		this.fixtures.assignTheModule(cohort);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void aCadetGetsTheCadetEditionOfAnAssignedModuleOnly() {
		this.fixtures.signInAs(this.cadet);
		assertThat(this.books.available(Locale.ENGLISH)).singleElement().satisfies((book) -> {
			assertThat(book.moduleId()).isEqualTo(MODULE);
			assertThat(book.editions()).containsExactly(BookEdition.CADET);
		});
		BookFile file = this.books.book(MODULE, DARI, BookEdition.CADET, BookFormat.EPUB);
		assertThat(file.fileName()).isEqualTo(MODULE + "-fa-AF.epub");
		assertThat(file.mediaType()).isEqualTo("application/epub+zip");
		assertThat(new String(file.bytes(), 30, 28, StandardCharsets.US_ASCII))
			.isEqualTo("mimetypeapplication/epub+zip");
		assertThatThrownBy(() -> this.books.book(MODULE, DARI, BookEdition.TRAINER, BookFormat.EPUB))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aCadetWithoutTheAssignmentIsRefused() {
		UserAccount other = this.fixtures.user(Role.CADET, this.academy, "Other Cadet");
		CohortSummary emptyCohort = this.fixtures.cohort(this.academy, this.trainer);
		this.fixtures.enrol(emptyCohort, other);
		this.fixtures.signInAs(other);
		assertThat(this.books.available(Locale.ENGLISH)).isEmpty();
		assertThatThrownBy(() -> this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.books.book("no-such-module", Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void aTrainerGetsBothEditionsOfTheirCohortsModulesAndNothingFromAnotherAcademy() {
		this.fixtures.signInAs(this.trainer);
		assertThat(this.books.available(Locale.ENGLISH)).singleElement()
			.satisfies((book) -> assertThat(book.editions()).containsExactly(BookEdition.CADET, BookEdition.TRAINER));
		BookFile trainerEdition = this.books.book(MODULE, Locale.ENGLISH, BookEdition.TRAINER, BookFormat.EPUB);
		assertThat(trainerEdition.fileName()).isEqualTo(MODULE + "-en-trainer.epub");

		Academy elsewhere = this.fixtures.academy();
		UserAccount stranger = this.fixtures.user(Role.TRAINER, elsewhere, "Trainer Elsewhere");
		this.fixtures.cohort(elsewhere, stranger);
		this.fixtures.signInAs(stranger);
		assertThat(this.books.available(Locale.ENGLISH)).isEmpty();
		assertThatThrownBy(() -> this.books.book(MODULE, Locale.ENGLISH, BookEdition.TRAINER, BookFormat.EPUB))
			.isInstanceOf(AccessDeniedException.class);
		assertThatThrownBy(() -> this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(AccessDeniedException.class);
	}

	@Test
	void anAdministratorGetsEveryBookAndOthersNothing() {
		UserAccount admin = this.fixtures.user(Role.ADMIN, this.academy, "Admin");
		this.fixtures.signInAs(admin);
		assertThat(this.books.available(Locale.ENGLISH)).extracting(CourseBooks.AvailableBook::moduleId)
			.contains(MODULE);
		assertThat(this.books.book(MODULE, Locale.ENGLISH, BookEdition.TRAINER, BookFormat.EPUB).size()).isPositive();

		UserAccount translator = this.fixtures.user(Role.TRANSLATOR, this.academy, "Translator");
		this.fixtures.signInAs(translator);
		assertThatThrownBy(() -> this.books.available(Locale.ENGLISH)).isInstanceOf(AccessDeniedException.class);
		AcademyFixture.signOut();
		assertThatThrownBy(() -> this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(AuthenticationCredentialsNotFoundException.class);
	}

	@Test
	void aSecondRequestIsServedFromTheStoredFile() throws Exception {
		this.fixtures.signInAs(this.trainer);
		BookFile first = this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB);
		Path stored;
		try (var files = Files.walk(cacheFolder())) {
			stored = files.filter((f) -> f.getFileName().toString().endsWith("_en_cadet.epub"))
				.findFirst()
				.orElseThrow();
		}
		assertThat(Files.readAllBytes(stored)).isEqualTo(first.bytes());
		// Mark the stored file: the next answer must be that file, not a new rendering.
		byte[] marked = first.bytes().clone();
		marked[marked.length - 1] ^= 1;
		Files.write(stored, marked);
		assertThat(this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, BookFormat.EPUB).bytes())
			.isEqualTo(marked);
		Files.write(stored, first.bytes());
	}

	@Test
	void onlyFormatsWithARendererAreOffered() {
		assertThat(this.books.formats()).contains(BookFormat.EPUB);
		this.fixtures.signInAs(this.trainer);
		for (BookFormat format : BookFormat.values()) {
			if (!this.books.formats().contains(format)) {
				assertThatThrownBy(() -> this.books.book(MODULE, Locale.ENGLISH, BookEdition.CADET, format))
					.isInstanceOf(IllegalArgumentException.class);
			}
		}
	}

	private Path cacheFolder() {
		BookCache.Key key = new BookCache.Key(MODULE, "x", "en", BookEdition.CADET, BookFormat.EPUB);
		return this.cache.file(key).getParent();
	}

}
