/**
 * Building the book model from the content catalogue, the renderers (one bean per
 * {@link org.lepha.academy.books.BookFormat}) and the cache.
 */
@NullMarked
package org.lepha.academy.books.internal;

import org.jspecify.annotations.NullMarked;
