package org.lepha.academy.base.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.ibm.icu.text.MessagePattern;

/**
 * The arguments of an ICU MessageFormat pattern ({@code {0}}, {@code {name}}), the one
 * parser behind every placeholder check: the translator workspace compares a
 * translation's arguments with the English, the certificate design checks an academy's
 * wording against the arguments a certificate supplies.
 */
public final class MessageArguments {

	private MessageArguments() {
	}

	/**
	 * The argument names and numbers a pattern uses.
	 * @throws IllegalArgumentException when the text is not a valid pattern
	 */
	public static Set<String> of(String pattern) {
		return new TreeSet<>(inOrder(pattern));
	}

	/**
	 * Every argument in the order it appears, repeated as often as it appears.
	 * @throws IllegalArgumentException when the text is not a valid pattern
	 */
	public static List<String> inOrder(String pattern) {
		MessagePattern parsed = new MessagePattern(pattern);
		List<String> names = new ArrayList<>();
		for (int i = 0; i < parsed.countParts(); i++) {
			MessagePattern.Part part = parsed.getPart(i);
			if (part.getType() == MessagePattern.Part.Type.ARG_NAME
					|| part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
				names.add(parsed.getSubstring(part));
			}
		}
		return names;
	}

	/**
	 * The literal text around the top-level arguments of a pattern of simple arguments
	 * (no {@code {0,number}} styles): one more piece than there are arguments, with the
	 * pattern's apostrophe quoting removed. Text to draw, never to interpret.
	 * @throws IllegalArgumentException when the text is not a valid pattern or an
	 * argument has a style
	 */
	public static List<String> literalPieces(String pattern) {
		MessagePattern parsed = new MessagePattern(pattern);
		List<String> pieces = new ArrayList<>();
		StringBuilder piece = new StringBuilder();
		int previous = parsed.getPart(0).getLimit();
		for (int i = 1; i < parsed.countParts(); i++) {
			MessagePattern.Part part = parsed.getPart(i);
			MessagePattern.Part.Type type = part.getType();
			piece.append(pattern, previous, part.getIndex());
			if (type == MessagePattern.Part.Type.MSG_LIMIT) {
				break;
			}
			if (type == MessagePattern.Part.Type.ARG_START) {
				if (part.getArgType() != MessagePattern.ArgType.NONE) {
					throw new IllegalArgumentException("Argument with a style at " + part.getIndex());
				}
				pieces.add(piece.toString());
				piece.setLength(0);
				i = parsed.getLimitPartIndex(i);
				previous = parsed.getPart(i).getLimit();
			}
			else {
				// SKIP_SYNTAX (a quoting apostrophe) and INSERT_CHAR are not text.
				previous = part.getLimit();
			}
		}
		pieces.add(piece.toString());
		return pieces;
	}

}
