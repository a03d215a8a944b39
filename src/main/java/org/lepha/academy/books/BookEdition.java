package org.lepha.academy.books;

/**
 * Who a book is for: the trainer's edition adds the answer key, the explanations and the
 * scenario debriefs, which a cadet's edition must never contain.
 */
public enum BookEdition {

	CADET, TRAINER

}
