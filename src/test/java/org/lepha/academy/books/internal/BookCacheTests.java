package org.lepha.academy.books.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.BookFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The disk cache: a book is rendered once per version, language, edition and format; a
 * new version is rendered anew and replaces the old file; names cannot leave the folder.
 */
class BookCacheTests {

	@TempDir
	Path data;

	@Test
	void aBookIsRenderedOncePerVersionAndANewVersionReplacesTheOld() throws Exception {
		BookCache cache = new BookCache(this.data);
		AtomicInteger renders = new AtomicInteger();
		BookCache.Key v1 = new BookCache.Key("module-a", "1111", "fa-AF", BookEdition.CADET, BookFormat.EPUB);
		BookCache.Key v2 = new BookCache.Key("module-a", "2222", "fa-AF", BookEdition.CADET, BookFormat.EPUB);
		BookCache.Key english = new BookCache.Key("module-a", "1111", "en", BookEdition.CADET, BookFormat.EPUB);

		assertThat(cache.get(v1, () -> bytes(renders, "one"))).asString().isEqualTo("one");
		assertThat(cache.get(v1, () -> bytes(renders, "again"))).asString().isEqualTo("one");
		assertThat(renders).hasValue(1);
		assertThat(cache.file(v1)).exists().startsWith(this.data.resolve("books"));
		assertThat(cache.get(english, () -> bytes(renders, "english"))).asString().isEqualTo("english");

		assertThat(cache.get(v2, () -> bytes(renders, "two"))).asString().isEqualTo("two");
		assertThat(renders).hasValue(3);
		assertThat(cache.file(v1)).doesNotExist();
		assertThat(cache.file(english)).exists();
		try (var files = Files.list(cache.file(v2).getParent())) {
			assertThat(files.map((f) -> f.getFileName().toString())).noneMatch((n) -> n.endsWith(".tmp"));
		}
	}

	@Test
	void aFailedRenderingStoresNothing() {
		BookCache cache = new BookCache(this.data);
		BookCache.Key key = new BookCache.Key("module-a", "1111", "en", BookEdition.TRAINER, BookFormat.PDF);
		assertThatThrownBy(() -> cache.get(key, () -> {
			throw new IllegalStateException("renderer failed");
		})).hasMessage("renderer failed");
		assertThat(cache.file(key)).doesNotExist();
	}

	@Test
	void keysThatCouldLeaveTheFolderAreRefused() {
		assertThatThrownBy(() -> new BookCache.Key("../etc", "1", "en", BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new BookCache.Key("m", "1/2", "en", BookEdition.CADET, BookFormat.EPUB))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static byte[] bytes(AtomicInteger renders, String text) {
		renders.incrementAndGet();
		return text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

}
