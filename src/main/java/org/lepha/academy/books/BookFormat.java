package org.lepha.academy.books;

/**
 * The formats a course book can be downloaded in; the service offers only those for which
 * a renderer bean exists.
 */
public enum BookFormat {

	/** EPUB 3, reflowable, for phones and e-readers. */
	EPUB("epub", "application/epub+zip"),

	/** PDF, A4, for printing. */
	PDF("pdf", "application/pdf");

	private final String extension;

	private final String mediaType;

	BookFormat(String extension, String mediaType) {
		this.extension = extension;
		this.mediaType = mediaType;
	}

	/** The file name extension, without the dot. */
	public String extension() {
		return this.extension;
	}

	public String mediaType() {
		return this.mediaType;
	}

}
