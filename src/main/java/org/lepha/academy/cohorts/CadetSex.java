package org.lepha.academy.cohorts;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A cadet's sex as recorded by a trainer or an import, for aggregate reports only
 * (decision 0018). Not recorded is {@code null}, never a value of this type.
 */
public enum CadetSex {

	FEMALE, MALE, ANOTHER;

	/**
	 * The words an import file may use, in every interface language, lower case: the
	 * trainer's spreadsheet is often typed in Russian or Dari.
	 */
	private static final Map<String, CadetSex> WORDS = Map.ofEntries(Map.entry("female", FEMALE),
			Map.entry("f", FEMALE), Map.entry("woman", FEMALE), Map.entry("male", MALE), Map.entry("m", MALE),
			Map.entry("man", MALE), Map.entry("another", ANOTHER), Map.entry("other", ANOTHER),
			Map.entry("женский", FEMALE), Map.entry("ж", FEMALE), Map.entry("женщина", FEMALE),
			Map.entry("мужской", MALE), Map.entry("м", MALE), Map.entry("мужчина", MALE), Map.entry("другой", ANOTHER),
			Map.entry("иной", ANOTHER), Map.entry("زن", FEMALE), Map.entry("مونث", FEMALE), Map.entry("مرد", MALE),
			Map.entry("مذکر", MALE), Map.entry("دیگر", ANOTHER));

	/**
	 * The sex written in an import cell; empty for a blank cell (not recorded).
	 * @throws IllegalArgumentException for a word that is none of the accepted ones
	 */
	public static Optional<CadetSex> parse(String cell) {
		String word = cell.strip().toLowerCase(Locale.ROOT).replace('ي', 'ی').replace('ك', 'ک');
		if (word.isEmpty()) {
			return Optional.empty();
		}
		CadetSex sex = WORDS.get(word);
		if (sex == null) {
			throw new IllegalArgumentException("Unknown sex: " + cell);
		}
		return Optional.of(sex);
	}

}
