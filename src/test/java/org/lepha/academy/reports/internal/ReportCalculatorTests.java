package org.lepha.academy.reports.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.lepha.academy.reports.SexGroup;

import static org.assertj.core.api.Assertions.assertThat;

/** Which groups a programme report withholds, for the enrolled counts (decision 0018). */
class ReportCalculatorTests {

	@Test
	void groupsOfFiveOrMoreAreShown() {
		assertThat(ReportCalculator
			.suppressed(Map.of(SexGroup.FEMALE, 5, SexGroup.MALE, 9, SexGroup.ANOTHER, 0, SexGroup.UNKNOWN, 1)))
			.isEmpty();
	}

	@Test
	void oneSmallGroupTakesTheNextSmallestRecordedGroupWithIt() {
		assertThat(ReportCalculator
			.suppressed(Map.of(SexGroup.FEMALE, 4, SexGroup.MALE, 9, SexGroup.ANOTHER, 6, SexGroup.UNKNOWN, 2)))
			.containsExactlyInAnyOrder(SexGroup.FEMALE, SexGroup.ANOTHER);
	}

	@Test
	void twoSmallGroupsHideEachOther() {
		assertThat(ReportCalculator
			.suppressed(Map.of(SexGroup.FEMALE, 3, SexGroup.MALE, 20, SexGroup.ANOTHER, 1, SexGroup.UNKNOWN, 0)))
			.containsExactlyInAnyOrder(SexGroup.FEMALE, SexGroup.ANOTHER);
	}

	@Test
	void withNoOtherRecordedGroupNotRecordedIsWithheldToo() {
		assertThat(ReportCalculator.suppressed(Map.of(SexGroup.FEMALE, 2, SexGroup.UNKNOWN, 30)))
			.containsExactlyInAnyOrder(SexGroup.FEMALE, SexGroup.UNKNOWN);
	}

	@Test
	void aCohortWithoutRecordedSexWithholdsNothing() {
		assertThat(ReportCalculator.suppressed(Map.of(SexGroup.UNKNOWN, 3))).isEmpty();
	}

}
