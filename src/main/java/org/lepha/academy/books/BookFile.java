package org.lepha.academy.books;

/**
 * A rendered book ready to download.
 *
 * @param fileName a safe file name (ASCII letters, digits, dots and hyphens only)
 */
public record BookFile(String fileName, String mediaType, byte[] bytes) {

	public BookFile {
		bytes = bytes.clone();
	}

	@Override
	public byte[] bytes() {
		return this.bytes.clone();
	}

	public int size() {
		return this.bytes.length;
	}

}
