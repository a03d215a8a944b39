package org.lepha.academy.certificates.internal;

import java.util.List;

import org.lepha.academy.base.text.MessageArguments;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.certificates.CertificateDesignException;

/**
 * An academy's certificate wording: an ICU MessageFormat pattern, like every UI string,
 * with {@code {0}} for the cadet's name and {@code {1}} for the module or programme, each
 * exactly once and in that order (the name is drawn large on its own line, then the
 * title). Checked with the translator workspace's parser; drawn as text, never
 * interpreted.
 */
public final class DesignWording {

	/** Longest wording accepted. */
	public static final int MAX_LENGTH = 400;

	private static final List<String> ARGUMENTS = List.of("0", "1");

	private DesignWording() {
	}

	/**
	 * The wording, stripped.
	 * @throws CertificateDesignException when it is too long, not a pattern, or its
	 * placeholders are not {0} then {1}
	 */
	public static String check(String wording) {
		String stripped = wording.strip();
		if (stripped.length() > MAX_LENGTH) {
			throw new CertificateDesignException("design.error.wording.tooLong", MAX_LENGTH);
		}
		if (!SafeNames.isSafe(stripped.replaceAll("[\\n\\r\\t]", " "))) {
			throw new CertificateDesignException("design.error.wording.characters");
		}
		List<String> arguments;
		try {
			arguments = MessageArguments.inOrder(stripped);
			MessageArguments.literalPieces(stripped);
		}
		catch (IllegalArgumentException | IndexOutOfBoundsException ex) {
			throw new CertificateDesignException("design.error.wording.syntax");
		}
		if (!arguments.equals(ARGUMENTS)) {
			throw new CertificateDesignException("design.error.wording.placeholders", String.join(" ", arguments));
		}
		return stripped;
	}

	/** The text before the name, between name and title, and after the title. */
	static List<String> pieces(String wording) {
		return MessageArguments.literalPieces(wording).stream().map(String::strip).toList();
	}

}
