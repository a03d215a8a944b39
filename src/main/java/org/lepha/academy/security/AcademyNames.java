package org.lepha.academy.security;

import java.util.Collection;

/**
 * The names of the academies, for the password policy (an academy's name is among the
 * first guesses against its accounts). Provided by the cohorts feature, which owns
 * academies and depends on security, not the other way round.
 */
public interface AcademyNames {

	/** Every academy's name as stored. */
	Collection<String> all();

}
