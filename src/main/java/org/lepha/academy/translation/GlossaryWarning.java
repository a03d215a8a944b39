package org.lepha.academy.translation;

/**
 * A glossary term that occurs in the English while its agreed translation does not occur
 * in the translation.
 */
public record GlossaryWarning(String term, String translation) {

}
