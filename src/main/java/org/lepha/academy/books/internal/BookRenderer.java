package org.lepha.academy.books.internal;

import org.lepha.academy.books.BookFormat;
import org.lepha.academy.books.CourseBook;

/**
 * Turns a course book into the bytes of one format. One Spring bean per format; the
 * service offers exactly the formats that have a bean.
 */
public interface BookRenderer {

	BookFormat format();

	/**
	 * Renders the whole book; must escape every text for the format and must not fail on
	 * any content the catalogue serves.
	 */
	byte[] render(CourseBook book);

}
