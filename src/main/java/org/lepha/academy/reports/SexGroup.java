package org.lepha.academy.reports;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.cohorts.CadetSex;

/** The columns of the disaggregation: the recorded sexes and "not recorded". */
public enum SexGroup {

	FEMALE, MALE, ANOTHER, UNKNOWN;

	public static SexGroup of(@Nullable CadetSex sex) {
		return (sex == null) ? UNKNOWN : valueOf(sex.name());
	}

}
