package org.lepha.academy.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which passwords we accept, wherever a password is set (a user's change, an account
 * created with a given password, the first administrator from {@code ADMIN_PASSWORD}).
 * Length matters most, so the rules only refuse what an attacker tries first:
 * <ol>
 * <li>shorter than {@value #MIN_LENGTH} characters ({@code password.error.short});</li>
 * <li>one short pattern repeated, such as {@code aaaaaaaaaa} or {@code abcabcabcabc}
 * ({@code password.error.repeated});</li>
 * <li>the user name, in any case, also inside the password or repeated
 * ({@code cadet04cadet04}) ({@code password.error.username});</li>
 * <li>an academy's name, or its words with only digits and symbols added
 * ({@code Kabul-Academy-2026}) ({@code password.error.academy});</li>
 * <li>one of the 10,000 most common passwords, also with digits or symbols appended
 * ({@code password123}) ({@code password.error.common}). The list is
 * {@code security/common-passwords.txt}, taken from the npm package
 * {@code @zxcvbn-ts/language-common} (MIT, licence beside it).</li>
 * </ol>
 * A refusal names the first rule broken as a UI message key; {@code password.error.short}
 * takes {@value #MIN_LENGTH} as its argument.
 */
@Component
public class PasswordPolicy {

	/** Shortest password we accept; long passphrases beat complex short ones. */
	public static final int MIN_LENGTH = 10;

	/**
	 * A user name this short inside a longer password says little (a cadet called "al"
	 * may well pick "always-alert-2026"), so only equality is refused.
	 */
	private static final int MIN_CONTAINED_USERNAME = 3;

	/** Academy words shorter than this ("of", "the") are too common to refuse. */
	private static final int MIN_ACADEMY_WORD = 4;

	/** What must be left of a password once the academy's words are taken out. */
	private static final int MIN_OWN_LETTERS = 4;

	/** The product's own name counts like an academy's. */
	private static final List<String> PRODUCT_NAMES = List.of("Lepha Academy");

	private final Set<String> common;

	private final Supplier<Collection<String>> academyNames;

	@Autowired
	public PasswordPolicy(AcademyNames academies) {
		this(loadCommonPasswords(), academies::all);
	}

	/** For tests: a given list and academies. */
	PasswordPolicy(Set<String> commonPasswords, Supplier<Collection<String>> academyNames) {
		this.common = Set.copyOf(commonPasswords);
		this.academyNames = academyNames;
	}

	/**
	 * Refuses the password for this user name with the first rule it breaks.
	 * @throws PasswordRejectedException with the rule's UI message key
	 */
	public void requireAcceptable(String username, String password) {
		Optional<String> reason = check(username, password);
		if (reason.isPresent()) {
			throw new PasswordRejectedException(reason.get());
		}
	}

	/** The message key of the first rule the password breaks, empty if it is accepted. */
	public Optional<String> check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			return Optional.of("password.error.short");
		}
		String folded = fold(password);
		if (isRepetition(folded)) {
			return Optional.of("password.error.repeated");
		}
		String name = username == null ? "" : fold(username.strip());
		if (!name.isEmpty()
				&& (folded.equals(name) || (name.length() >= MIN_CONTAINED_USERNAME && folded.contains(name))
						|| folded.equals(reverse(name)))) {
			return Optional.of("password.error.username");
		}
		if (isAcademyName(folded)) {
			return Optional.of("password.error.academy");
		}
		if (isCommon(folded)) {
			return Optional.of("password.error.common");
		}
		return Optional.empty();
	}

	/** Lower case in compatibility form, so "Ｐassword" and "password" compare equal. */
	private static String fold(String text) {
		return Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
	}

	/** The whole password is one unit of up to a third of its length, repeated. */
	private static boolean isRepetition(String password) {
		int length = password.length();
		for (int unit = 1; unit <= length / 3; unit++) {
			if (length % unit == 0 && password.substring(0, unit).repeat(length / unit).equals(password)) {
				return true;
			}
		}
		return false;
	}

	private boolean isAcademyName(String password) {
		String letters = lettersOnly(password);
		List<String> names = new ArrayList<>(PRODUCT_NAMES);
		names.addAll(academyNames.get());
		for (String name : names) {
			String whole = lettersOnly(fold(name));
			if (whole.length() >= MIN_ACADEMY_WORD && letters.contains(whole)) {
				return true;
			}
			String rest = letters;
			for (String word : fold(name).split("[^\\p{L}\\p{N}]+")) {
				String w = lettersOnly(word);
				if (w.length() >= MIN_ACADEMY_WORD) {
					rest = rest.replace(w, "");
				}
			}
			if (rest.length() < MIN_OWN_LETTERS && rest.length() < letters.length()) {
				return true;
			}
		}
		return false;
	}

	private boolean isCommon(String password) {
		if (common.contains(password)) {
			return true;
		}
		// "password123", "dragon2026!": a common password with digits or symbols added.
		String base = password.replaceFirst("[^\\p{L}]+$", "").replaceFirst("^[^\\p{L}]+", "");
		return base.length() >= MIN_OWN_LETTERS && common.contains(base);
	}

	private static String lettersOnly(String text) {
		return text.replaceAll("[^\\p{L}]", "");
	}

	private static String reverse(String text) {
		return new StringBuilder(text).reverse().toString();
	}

	static Set<String> loadCommonPasswords() {
		Set<String> passwords = new HashSet<>();
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
			if (in == null) {
				throw new IllegalStateException("security/common-passwords.txt is missing from the class path");
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
			for (String line = reader.readLine(); line != null; line = reader.readLine()) {
				if (!line.isBlank()) {
					passwords.add(fold(line.strip()));
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return passwords;
	}

}
