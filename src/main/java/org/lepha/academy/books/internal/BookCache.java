package org.lepha.academy.books.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.lepha.academy.books.BookEdition;
import org.lepha.academy.books.BookFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rendered books on disk under {@code <data folder>/books/<module>/}, one file per module
 * version, language, edition and format (decision 0012). On disk rather than in memory: 7
 * modules × 3 languages × 2 editions × 2 formats are up to ~80 files and tens of
 * megabytes, which the heap should not hold, and they survive a restart. Files are
 * written to a temporary name and moved into place atomically, so a reader never sees
 * half a book; the previous version's file of the same book is deleted when a new one is
 * written, and could never be served anyway since the version is part of the name.
 */
@Component
public class BookCache {

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9-]{1,64}");

	private final Path root;

	private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

	public BookCache(@Value("${app.db.data-dir:data}") Path dataDir) {
		this.root = dataDir.resolve("books");
	}

	/** Where a book is (or would be) stored. */
	public Path file(Key key) {
		return this.root.resolve(key.moduleId()).resolve(key.fileStem() + "." + key.format().extension());
	}

	/**
	 * The stored book, or the rendered one, stored before it is returned. One book is
	 * rendered once even when several people ask at the same moment.
	 */
	public byte[] get(Key key, Supplier<byte[]> render) {
		Path file = file(key);
		ReentrantLock lock = this.locks.computeIfAbsent(key.fileStem() + key.moduleId() + key.format(),
				(k) -> new ReentrantLock());
		lock.lock();
		try {
			Optional<byte[]> stored = read(file);
			if (stored.isPresent()) {
				return stored.get();
			}
			byte[] bytes = render.get();
			write(key, file, bytes);
			return bytes;
		}
		finally {
			lock.unlock();
		}
	}

	private static Optional<byte[]> read(Path file) {
		try {
			return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
		}
		catch (IOException ex) {
			// A file that cannot be read is rendered again and replaced.
			return Optional.empty();
		}
	}

	private void write(Key key, Path file, byte[] bytes) {
		try {
			Files.createDirectories(file.getParent());
			Path temp = Files.createTempFile(file.getParent(), ".book-", ".tmp");
			try {
				Files.write(temp, bytes);
				try {
					Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
				}
				catch (AtomicMoveNotSupportedException ex) {
					Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
				}
			}
			finally {
				Files.deleteIfExists(temp);
			}
			deleteOtherVersions(key, file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not store the book " + file, ex);
		}
	}

	private static void deleteOtherVersions(Key key, Path file) throws IOException {
		String suffix = key.versionlessSuffix();
		try (DirectoryStream<Path> siblings = Files.newDirectoryStream(file.getParent())) {
			for (Path sibling : siblings) {
				String name = sibling.getFileName().toString();
				if (!sibling.equals(file) && name.endsWith(suffix)) {
					Files.deleteIfExists(sibling);
				}
			}
		}
	}

	/**
	 * What identifies a stored book.
	 *
	 * @param version the book model's content version
	 */
	public record Key(String moduleId, String version, String languageTag, BookEdition edition, BookFormat format) {

		public Key {
			for (String part : new String[] { moduleId, version, languageTag }) {
				if (!SAFE.matcher(part).matches()) {
					throw new IllegalArgumentException("Not a safe file name part: " + part);
				}
			}
		}

		String fileStem() {
			return this.version + versionlessSuffix().replaceFirst("\\.[a-z]+$", "");
		}

		/** The name without the version: the same book in any version ends like this. */
		String versionlessSuffix() {
			return "_" + this.languageTag + "_" + this.edition.name().toLowerCase(java.util.Locale.ROOT) + "."
					+ this.format.extension();
		}

	}

}
