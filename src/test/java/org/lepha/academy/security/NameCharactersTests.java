package org.lepha.academy.security;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.cohorts.CadetImport;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.ImportProblem;
import org.lepha.academy.cohorts.ImportResult;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.security.SecurityWorld.Caller;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Names end up on certificates and the public verification page: the services refuse
 * characters that hide or reorder text (spoofing a name or a cohort), and store names in
 * NFC, while Dari's zero-width non-joiner stays.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NameCharactersTests {

	/** What a spoofer would slip into a name, by what it is. */
	static final Map<String, String> HOSTILE = new LinkedHashMap<>();

	static {
		HOSTILE.put("NUL", "Ali\u0000 Karimi");
		HOSTILE.put("C0 escape", "Ali \u001b[31mKarimi");
		HOSTILE.put("new line", "Ali\nKarimi");
		HOSTILE.put("DEL", "Ali\u007f Karimi");
		HOSTILE.put("C1 next line", "Ali\u0085Karimi");
		HOSTILE.put("LRE U+202A", "Ali \u202aKarimi");
		HOSTILE.put("RLE U+202B", "Ali \u202bKarimi");
		HOSTILE.put("PDF U+202C", "Ali \u202cKarimi");
		HOSTILE.put("LRO U+202D", "Ali \u202dKarimi");
		HOSTILE.put("RLO U+202E", "Ali \u202eimiraK");
		HOSTILE.put("LRI U+2066", "Ali \u2066Karimi");
		HOSTILE.put("RLI U+2067", "Ali \u2067Karimi");
		HOSTILE.put("FSI U+2068", "Ali \u2068Karimi");
		HOSTILE.put("PDI U+2069", "Ali Karimi\u2069");
	}

	@Autowired
	ApplicationContext context;

	@Autowired
	UserAccountService accounts;

	@Autowired
	CohortService cohorts;

	@Autowired
	CadetImport imports;

	private SecurityWorld world;

	@BeforeAll
	void build() {
		world = new SecurityWorld(context).build();
	}

	@Test
	void fullNamesWithControlOrBidiCharactersAreRefused() {
		UserAccount admin = world.user(Caller.ADMIN);
		for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
			assertThatThrownBy(() -> world.as(admin, () -> accounts.createUser(cadet(hostile.getValue()))))
				.as(hostile.getKey())
				.isInstanceOfSatisfying(SafeNames.UnsafeNameException.class,
						(ex) -> assertThat(ex.messageKey()).isEqualTo("name.error.characters"));
		}
	}

	@Test
	void academyAndCohortNamesWithControlOrBidiCharactersAreRefused() {
		UserAccount admin = world.user(Caller.ADMIN);
		UserAccount trainer = world.user(Caller.TRAINER);
		for (Map.Entry<String, String> hostile : HOSTILE.entrySet()) {
			String name = hostile.getValue() + SecurityWorld.unique(" ");
			assertThatThrownBy(() -> world.as(admin, () -> cohorts.createAcademy(name)))
				.as("academy " + hostile.getKey())
				.isInstanceOf(SafeNames.UnsafeNameException.class);
			for (UserAccount who : new UserAccount[] { admin, trainer }) {
				assertThatThrownBy(() -> world.as(who,
						() -> cohorts.createCohort(
								new NewCohort(world.academy.id(), name, LocalDate.now(), null, Set.of(trainer.id())))))
					.as("cohort by " + who.username() + " " + hostile.getKey())
					.isInstanceOf(SafeNames.UnsafeNameException.class);
			}
		}
	}

	@Test
	void anImportedCadetWithSuchANameIsARowProblem() {
		String csv = "full_name,username,language\nAli \u202eimiraK," + SecurityWorld.unique("bidi.") + ",en\n";
		ImportResult result = world.as(world.user(Caller.TRAINER),
				() -> imports.importCadets(world.secondCohort.id(), csv.getBytes(StandardCharsets.UTF_8)));
		assertThat(result.created()).isEmpty();
		assertThat(result.problems()).extracting(ImportProblem::line, ImportProblem::messageKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2, "import.error.fullNameCharacters"));
	}

	@Test
	void namesAreStoredInNfcAndKeepDarisZeroWidthNonJoinerAndJoiner() {
		UserAccount admin = world.user(Caller.ADMIN);
		// "José" typed with a combining acute accent: stored precomposed.
		UserAccount jose = world.as(admin, () -> accounts.createUser(cadet("Jose\u0301 Mart\u0131\u0301nez")));
		assertThat(jose.fullName()).isEqualTo("Jos\u00e9 Mart\u0131\u0301nez");
		// می‌خواهم needs the ZWNJ; the ZWJ is part of emoji sequences.
		String dari = "نیلوفر می\u200cخواهم \u200d";
		UserAccount nilufar = world.as(admin, () -> accounts.createUser(cadet("  " + dari + "x  ")));
		assertThat(nilufar.fullName()).isEqualTo(dari + "x").contains("\u200c").contains("\u200d");

		String academyName = "Aca\u0301demie " + SecurityWorld.unique("");
		assertThat(world.as(admin, () -> cohorts.createAcademy(academyName)).name())
			.isEqualTo(java.text.Normalizer.normalize(academyName, java.text.Normalizer.Form.NFC))
			.contains("\u00e1");
		String cohortName = "گروه\u200cها " + SecurityWorld.unique("");
		assertThat(
				world
					.as(world.user(Caller.TRAINER),
							() -> cohorts.createCohort(new NewCohort(world.academy.id(), cohortName, LocalDate.now(),
									null, Set.of(world.user(Caller.TRAINER).id()))))
					.name())
			.isEqualTo(cohortName);
	}

	private NewUser cadet(String fullName) {
		return new NewUser(SecurityWorld.unique("name.check."), fullName, null, Locale.ENGLISH, Set.of(Role.CADET),
				world.academy.id(), SecurityWorld.PASSWORD, false);
	}

}
