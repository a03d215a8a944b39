package org.lepha.academy.learning;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lepha.academy.AcademyFixture;
import org.lepha.academy.IntegrationTest;
import org.lepha.academy.cohorts.Academy;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.ContentStatusService;
import org.lepha.academy.content.QuizKind;
import org.lepha.academy.security.Role;
import org.lepha.academy.security.SystemAccess;
import org.lepha.academy.security.UserAccount;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module's files change while attempts are open (a drawn question removed, another's
 * correct answer changed) and the content is reloaded: an attempt is graded against what
 * it drew, kept with it when it was drawn. An attempt from before the keys were kept is
 * graded against the module as it is now, as before. Runs on a copy of the test course
 * (its own context), without the Dari file, whose units would no longer match.
 */
@IntegrationTest
class ExamGradingReloadTests {

	private static final String MODULE = AcademyFixture.MODULE;

	private static Path contentCopy;

	@Autowired
	AcademyFixture fixture;

	@Autowired
	QuizService quizzes;

	@Autowired
	ContentStatusService contentStatus;

	@Autowired
	ContentCatalog content;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void contentCopy(DynamicPropertyRegistry registry) throws IOException {
		contentCopy = Files.createTempDirectory("exam-reload");
		FileSystemUtils.copyRecursively(Path.of("src/test/resources/content-valid/content"),
				contentCopy.resolve("content"));
		Files.createDirectories(contentCopy.resolve("translations"));
		registry.add("app.content.dir", () -> contentCopy.resolve("content").toString());
		registry.add("app.translations.dir", () -> contentCopy.resolve("translations").toString());
	}

	@AfterAll
	static void deleteContentCopy() throws IOException {
		FileSystemUtils.deleteRecursively(contentCopy);
	}

	@AfterEach
	void signOut() {
		AcademyFixture.signOut();
	}

	@Test
	void anAttemptIsGradedAgainstWhatItDrewAfterAContentReload() throws IOException {
		Academy academy = fixture.academy();
		UserAccount cadet = fixture.user(Role.CADET, academy, "Reload Cadet");
		UserAccount oldStyle = fixture.user(Role.CADET, academy, "Old Attempt Cadet");

		fixture.signInAs(cadet);
		QuizSession quiz = startAndAnswerCorrectly();
		fixture.signInAs(oldStyle);
		QuizSession old = startAndAnswerCorrectly();
		AcademyFixture.signOut();
		// As attempts drawn before this change were stored: no answer keys, no pass mark.
		jdbc.sql("UPDATE quiz_attempt SET answer_keys = NULL, pass_mark = NULL WHERE id = ?")
			.param(old.attemptId())
			.update();

		List<String> drawn = quiz.questions().stream().map(QuizSession.QuestionView::id).toList();
		String removed = drawn.stream()
			.filter(List.of("signs", "match-services", "order-steps")::contains)
			.findFirst()
			.orElseThrow();
		String changed = drawn.stream()
			.filter(List.of("naloxone-effect", "arrest-at-scene")::contains)
			.findFirst()
			.orElseThrow();
		Path quizFile = contentCopy.resolve("content/" + MODULE + "/quiz.yaml");
		String yaml = changeCorrectAnswer(removeQuestion(Files.readString(quizFile), removed), changed);
		Files.writeString(quizFile, yaml);
		SystemAccess.asAdministrator(() -> {
			contentStatus.reload();
			return null;
		});
		var reloaded = content.module(MODULE).orElseThrow().quiz();
		assertThat(reloaded.question(removed)).as("the reload took effect").isEmpty();
		assertThat(reloaded.question(changed)).isPresent();

		fixture.signInAs(cadet);
		QuizResult result = quizzes.submitQuiz(quiz.attemptId(), Locale.ENGLISH).result();
		assertThat(result.scorePercent()).as("graded against the drawn questions").isEqualTo(100);
		assertThat(result.passed()).isTrue();

		fixture.signInAs(oldStyle);
		QuizResult oldResult = quizzes.submitQuiz(old.attemptId(), Locale.ENGLISH).result();
		long affected = old.questions()
			.stream()
			.filter((q) -> q.id().equals(removed) || q.id().equals(changed))
			.count();
		assertThat(oldResult.scorePercent()).as("graded against the module as it is now")
			.isEqualTo((int) (100 * (4 - affected) / 4));
	}

	private QuizSession startAndAnswerCorrectly() {
		QuizSession quiz = quizzes.startQuiz(MODULE, QuizKind.POST, Locale.ENGLISH);
		assertThat(quiz.questions()).hasSize(4);
		for (QuizSession.QuestionView question : quiz.questions()) {
			quizzes.saveAnswer(quiz.attemptId(), question.id(), AcademyFixture.CORRECT_ANSWERS.get(question.id()));
		}
		return quiz;
	}

	private static String removeQuestion(String yaml, String questionId) {
		int start = yaml.indexOf("  - id: " + questionId + "\n");
		int end = yaml.indexOf("  - id: ", start + 1);
		assertThat(start).isPositive();
		return yaml.substring(0, start) + yaml.substring(end);
	}

	private static String changeCorrectAnswer(String yaml, String questionId) {
		String changed = switch (questionId) {
			case "naloxone-effect" ->
				yaml.replace("        correct: true\n        feedback: Right.", "        feedback: Right.")
					.replace("        text: It sedates the person so that they stay calm until help comes.\n",
							"        text: It sedates the person so that they stay calm until help comes.\n"
									+ "        correct: true\n");
			case "arrest-at-scene" ->
				yaml.replace("    answer: false\n    source: hr-save-lives\n    explanation: Fear",
						"    answer: true\n    source: hr-save-lives\n    explanation: Fear");
			default -> throw new IllegalArgumentException(questionId);
		};
		assertThat(changed).isNotEqualTo(yaml);
		return changed;
	}

}
