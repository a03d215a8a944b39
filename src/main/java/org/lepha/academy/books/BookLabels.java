package org.lepha.academy.books;

/**
 * The fixed words a renderer prints around the content, already translated into the
 * book's language (keys {@code book.*} of the UI translations), so renderers need no
 * translation machinery.
 *
 * @param contents heading of the table of contents
 * @param edition the edition's name, e.g. "Cadet's edition"
 * @param scanToOpen caption of the QR code
 * @param pageOf running footer pattern with {@code {0}} (page) and {@code {1}} (pages)
 */
public record BookLabels(String contents, String edition, String scanToOpen, String sources, String selfCheck,
		String scenario, String answerKey, String explanation, String answer, String debrief, String discussion,
		String situation, String outcome, String goTo, String trueLabel, String falseLabel, String matchHint,
		String orderHint, String multipleHint, String pageOf) {

}
