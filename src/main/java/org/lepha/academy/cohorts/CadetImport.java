package org.lepha.academy.cohorts;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.lepha.academy.audit.AuditAction;
import org.lepha.academy.audit.AuditLog;
import org.lepha.academy.base.csv.SafeCsvWriter;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.base.text.SafeNames;
import org.lepha.academy.cohorts.internal.CadetDetailRepository;
import org.lepha.academy.security.NewUser;
import org.lepha.academy.security.OneTimePasswords;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.UserAccount;
import org.lepha.academy.security.UserAccountService;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk enrolment from a CSV file with the columns
 * {@code full_name, username, email, language} and optionally {@code sex} ({@code email}
 * and {@code sex} may be empty; sex in English, Russian or Dari words, decision 0018).
 * Every row is checked first and every problem is reported with its line; only a file
 * without problems creates anything, all in one transaction. New cadets get one-time
 * passwords that they must change at first sign-in.
 */
@Service
public class CadetImport {

	/** Largest file accepted, well above a cohort of a few hundred cadets. */
	public static final int MAX_BYTES = 1_000_000;

	public static final int MAX_ROWS = 2_000;

	static final List<String> COLUMNS = List.of("full_name", "username", "email", "language", "sex");

	private static final Pattern USERNAME = Pattern.compile("[\\p{L}\\p{N}._-]{2,64}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,253}\\.[^@\\s]{2,}");

	private final CohortService cohorts;

	private final UserAccountService accounts;

	private final Languages languages;

	private final AuditLog audit;

	private final CadetDetailRepository profiles;

	public CadetImport(CohortService cohorts, UserAccountService accounts, Languages languages, AuditLog audit,
			CadetDetailRepository profiles) {
		this.cohorts = cohorts;
		this.accounts = accounts;
		this.languages = languages;
		this.audit = audit;
		this.profiles = profiles;
	}

	record Row(int line, String fullName, String username, String email, Locale locale, @Nullable CadetSex sex) {
	}

	/** Checks the file without changing anything. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<ImportProblem> check(long cohortId, byte[] file) {
		cohorts.requireAccess(cohortId);
		List<ImportProblem> problems = new ArrayList<>();
		parse(file, problems);
		return problems;
	}

	/**
	 * Checks the file and, when it has no problem, creates and enrols every cadet in it.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public ImportResult importCadets(long cohortId, byte[] file) {
		CohortSummary cohort = cohorts.cohort(cohortId);
		List<ImportProblem> problems = new ArrayList<>();
		List<Row> rows = parse(file, problems);
		if (!problems.isEmpty()) {
			return new ImportResult(problems, List.of());
		}
		Map<String, String> passwords = new HashMap<>();
		Map<String, CadetSex> sexes = new HashMap<>();
		List<NewUser> newUsers = rows.stream().map((row) -> {
			String password = OneTimePasswords.generate();
			passwords.put(row.username().toLowerCase(Locale.ROOT), password);
			if (row.sex() != null) {
				sexes.put(row.username().toLowerCase(Locale.ROOT), row.sex());
			}
			return new NewUser(row.username(), row.fullName(), row.email(), row.locale(), Set.of(Role.CADET),
					cohort.academyId(), password, true);
		}).toList();
		List<ImportedCadet> created = new ArrayList<>();
		for (UserAccount account : accounts.createCadets(newUsers)) {
			cohorts.enrol(cohortId, account.id());
			CadetSex sex = sexes.get(account.username().toLowerCase(Locale.ROOT));
			if (sex != null) {
				profiles.setSex(account.id(), sex);
			}
			created.add(new ImportedCadet(account.id(), account.fullName(), account.username(), account.email(),
					account.locale(), passwords.get(account.username())));
		}
		audit.record(AuditAction.ACCOUNTS_IMPORTED, "cohort", cohortId, created.size() + " cadets");
		return new ImportResult(List.of(), created);
	}

	/**
	 * Adds one cadet typed in by the trainer, checked by exactly the same rules as a file
	 * row.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public ImportResult addCadet(long cohortId, String fullName, String username, String email, Locale locale) {
		List<List<String>> row = List.of(List.of(nullToEmpty(fullName), nullToEmpty(username), nullToEmpty(email),
				locale == null ? "" : locale.toLanguageTag()));
		StringBuilder csv = new StringBuilder();
		try (var printer = new org.apache.commons.csv.CSVPrinter(csv, CSVFormat.RFC4180)) {
			printer.printRecord(COLUMNS);
			printer.printRecords(row);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		return importCadets(cohortId, csv.toString().getBytes(StandardCharsets.UTF_8));
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value.strip();
	}

	/**
	 * The printable credentials handout: a CSV that spreadsheet programs open with
	 * Cyrillic and Dari intact; header row in the caller's language.
	 */
	public static byte[] handout(List<ImportedCadet> cadets, List<String> header) {
		return SafeCsvWriter.write(header,
				cadets.stream()
					.map((c) -> List.of(c.fullName(), c.username(), c.oneTimePassword(), c.locale().toLanguageTag()))
					.toList());
	}

	List<Row> parse(byte[] file, List<ImportProblem> problems) {
		if (file.length == 0) {
			problems.add(ImportProblem.of(1, "import.error.empty"));
			return List.of();
		}
		if (file.length > MAX_BYTES) {
			problems.add(ImportProblem.of(1, "import.error.tooLarge", String.valueOf(MAX_BYTES / 1000)));
			return List.of();
		}
		String text = decodeUtf8(file, problems);
		if (text == null) {
			return List.of();
		}
		List<Row> rows = new ArrayList<>();
		CSVFormat format = CSVFormat.RFC4180.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.setIgnoreEmptyLines(true)
			.setTrim(true)
			.setAllowMissingColumnNames(true)
			.get();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			Map<String, Integer> header = normalizedHeader(parser.getHeaderNames(), problems);
			if (!problems.isEmpty()) {
				return List.of();
			}
			Map<String, Integer> seen = new HashMap<>();
			for (CSVRecord record : parser) {
				int line = (int) record.getRecordNumber() + 1;
				if (rows.size() >= MAX_ROWS) {
					problems.add(ImportProblem.of(line, "import.error.tooManyRows", String.valueOf(MAX_ROWS)));
					break;
				}
				Row row = row(record, line, header, problems);
				if (row != null) {
					Integer earlier = seen.putIfAbsent(row.username().toLowerCase(Locale.ROOT), line);
					if (earlier != null) {
						problems.add(ImportProblem.of(line, "import.error.duplicate", row.username(),
								String.valueOf(earlier)));
					}
					else {
						rows.add(row);
					}
				}
			}
		}
		catch (IOException | IllegalArgumentException | IllegalStateException ex) {
			problems.add(ImportProblem.of(1, "import.error.unreadable", String.valueOf(ex.getMessage())));
			return List.of();
		}
		if (rows.isEmpty() && problems.isEmpty()) {
			problems.add(ImportProblem.of(2, "import.error.noRows"));
		}
		Set<String> taken = accounts.takenUsernames(rows.stream().map(Row::username).toList());
		for (Row row : rows) {
			if (taken.contains(row.username().toLowerCase(Locale.ROOT))) {
				problems.add(ImportProblem.of(row.line(), "import.error.usernameTaken", row.username()));
			}
		}
		problems.sort(java.util.Comparator.comparingInt(ImportProblem::line));
		return rows;
	}

	private Row row(CSVRecord record, int line, Map<String, Integer> header, List<ImportProblem> problems) {
		if (record.size() != header.size()) {
			problems.add(ImportProblem.of(line, "import.error.columnCount", String.valueOf(header.size()),
					String.valueOf(record.size())));
			return null;
		}
		String fullName = record.get(header.get("full_name"));
		String username = record.get(header.get("username"));
		String email = header.containsKey("email") ? record.get(header.get("email")) : "";
		String language = record.get(header.get("language"));
		String sexCell = header.containsKey("sex") ? record.get(header.get("sex")) : "";
		CadetSex sex = null;
		int before = problems.size();
		try {
			sex = CadetSex.parse(sexCell).orElse(null);
		}
		catch (IllegalArgumentException ex) {
			problems.add(ImportProblem.of(line, "report.import.sex", sexCell));
		}
		if (fullName.isBlank() || fullName.length() > 200) {
			problems.add(ImportProblem.of(line, "import.error.fullName"));
		}
		else if (!SafeNames.isSafe(fullName)) {
			problems.add(ImportProblem.of(line, "import.error.fullNameCharacters"));
		}
		if (!USERNAME.matcher(username).matches()) {
			problems.add(ImportProblem.of(line, "import.error.username", username));
		}
		if (!email.isEmpty() && !EMAIL.matcher(email).matches()) {
			problems.add(ImportProblem.of(line, "import.error.email", email));
		}
		Locale locale = Locale.forLanguageTag(language.replace('_', '-'));
		if (language.isBlank() || !languages.isSupported(locale)) {
			problems.add(ImportProblem.of(line, "import.error.language", language,
					String.join(", ", languages.all().stream().map(Locale::toLanguageTag).toList())));
		}
		if (problems.size() > before) {
			return null;
		}
		return new Row(line, fullName, username, email.isEmpty() ? null : email, languages.bestMatch(locale), sex);
	}

	private static Map<String, Integer> normalizedHeader(List<String> names, List<ImportProblem> problems) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).strip().toLowerCase(Locale.ROOT).replace(' ', '_');
			if (!COLUMNS.contains(name)) {
				problems
					.add(ImportProblem.of(1, "import.error.unknownColumn", names.get(i), String.join(", ", COLUMNS)));
			}
			else {
				header.put(name, i);
			}
		}
		for (String required : List.of("full_name", "username", "language")) {
			if (!header.containsKey(required)) {
				problems.add(ImportProblem.of(1, "import.error.missingColumn", required));
			}
		}
		return header;
	}

	/**
	 * Decodes strictly: a file saved in a legacy code page (Windows-1251, say) would
	 * otherwise turn Cyrillic names into garbage silently. Reports each line that is not
	 * valid UTF-8.
	 */
	private static String decodeUtf8(byte[] file, List<ImportProblem> problems) {
		int start = 0;
		if (file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF) {
			start = 3;
		}
		else if (file.length >= 2 && ((file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xFE
				|| (file[0] & 0xFF) == 0xFE && (file[1] & 0xFF) == 0xFF)) {
			problems.add(ImportProblem.of(1, "import.error.encoding"));
			return null;
		}
		StringBuilder text = new StringBuilder();
		int line = 1;
		int lineStart = start;
		for (int i = start; i <= file.length; i++) {
			if (i == file.length || file[i] == '\n') {
				try {
					text.append(StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)
						.decode(ByteBuffer.wrap(file, lineStart, i - lineStart)));
				}
				catch (CharacterCodingException ex) {
					problems.add(ImportProblem.of(line, "import.error.encoding"));
				}
				if (i < file.length) {
					text.append('\n');
				}
				line++;
				lineStart = i + 1;
			}
		}
		return problems.isEmpty() ? text.toString() : null;
	}

}
