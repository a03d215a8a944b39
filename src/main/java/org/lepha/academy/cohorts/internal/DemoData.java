package org.lepha.academy.cohorts.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.base.db.EmbeddedMariaDb;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.cohorts.NewCohort;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A fresh embedded install gets a demo academy to explore: an administrator, a trainer, a
 * Russian and a Dari translator, and a cohort of twelve cadets with English, Russian and
 * Dari names. Passwords are random and printed once, at the start that creates them. An
 * external (production) database never gets demo data unless {@code APP_DEMO_DATA=true}.
 */
@Component
@Order(20)
class DemoData implements ApplicationRunner {

	private static final List<String[]> CADETS = List.of(new String[] { "Aibek Nurlanov", "ru" },
			new String[] { "Мадина Ахметова", "ru" }, new String[] { "Тимур Садыков", "ru" },
			new String[] { "Айгерим Жумабаева", "ru" }, new String[] { "Dilnoza Karimova", "en" },
			new String[] { "Rustam Ismoilov", "en" }, new String[] { "احمد ضیا رحیمی", "fa-AF" },
			new String[] { "فرشته نوری", "fa-AF" }, new String[] { "محمد ژوبل پیگیر", "fa-AF" },
			new String[] { "گلالی چکری", "fa-AF" }, new String[] { "Erlan Bekov", "en" },
			new String[] { "Нурлан Сейткали", "ru" });

	private final UserAccountService accounts;

	private final CohortService cohorts;

	private final ContentCatalog catalog;

	private final boolean embedded;

	private final String mode;

	DemoData(UserAccountService accounts, CohortService cohorts, ContentCatalog catalog,
			ObjectProvider<EmbeddedMariaDb> embedded, @Value("${app.demo-data:auto}") String mode) {
		this.accounts = accounts;
		this.cohorts = cohorts;
		this.catalog = catalog;
		this.embedded = embedded.getIfAvailable() != null;
		this.mode = mode;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean wanted = "true".equalsIgnoreCase(mode) || ("auto".equalsIgnoreCase(mode) && embedded);
		if (!wanted) {
			return;
		}
		List<String> printed = SystemAccess.asAdministrator(() -> {
			if (!accounts.listUsers().isEmpty()) {
				return List.of();
			}
			return create();
		});
		if (!printed.isEmpty()) {
			StringBuilder out = new StringBuilder(
					"\n=== Demo accounts (shown only this once; delete data/ to start over) ===\n");
			printed.forEach((line) -> out.append(line).append('\n'));
			out.append("==========================================================================\n");
			System.out.println(out);
		}
	}

	private List<String> create() {
		List<String> lines = new ArrayList<>();
		Academy academy = cohorts.createAcademy("Demo Police Academy");
		account(lines, "admin", "Academy Administrator", Locale.ENGLISH, Set.of(Role.ADMIN), academy);
		UserAccount trainer = account(lines, "trainer", "Trainer Saltanat Omarova", Locale.ENGLISH,
				Set.of(Role.TRAINER), academy);
		UserAccount ru = account(lines, "translator.ru", "Переводчик Ольга Смирнова", Locale.forLanguageTag("ru"),
				Set.of(Role.TRANSLATOR), academy);
		UserAccount fa = account(lines, "translator.fa", "مترجم ذکیه حیدری", Locale.forLanguageTag("fa-AF"),
				Set.of(Role.TRANSLATOR), academy);
		accounts.assignTranslatorLocale(ru.id(), Locale.forLanguageTag("ru"));
		accounts.assignTranslatorLocale(fa.id(), Locale.forLanguageTag("fa-AF"));
		LocalDate start = LocalDate.now().withDayOfMonth(1);
		CohortSummary cohort = cohorts.createCohort(new NewCohort(academy.id(), "Demo cohort " + start.getYear(), start,
				start.plusMonths(3), new LinkedHashSet<>(List.of(trainer.id()))));
		// Every module on the shelf is assigned, due a month apart, so the demo shows due
		// dates.
		int month = 1;
		for (var module : catalog.modules()) {
			cohorts.assign(cohort.id(), module.id(), start.plusMonths(month++));
		}
		for (int i = 0; i < CADETS.size(); i++) {
			String username = "cadet%02d".formatted(i + 1);
			UserAccount cadet = account(lines, username, CADETS.get(i)[0], Locale.forLanguageTag(CADETS.get(i)[1]),
					Set.of(Role.CADET), academy);
			cohorts.enrol(cohort.id(), cadet.id());
		}
		return lines;
	}

	private UserAccount account(List<String> lines, String username, String fullName, Locale locale, Set<Role> roles,
			Academy academy) {
		String password = OneTimePasswords.generate();
		UserAccount account = accounts
			.createUser(new NewUser(username, fullName, null, locale, roles, academy.id(), password, false));
		lines.add("  %-14s %-14s %s".formatted(username, password, roles.iterator().next()));
		return account;
	}

}
