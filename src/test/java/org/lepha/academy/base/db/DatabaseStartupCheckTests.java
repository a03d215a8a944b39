package org.lepha.academy.base.db;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lepha.academy.Application;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An unreachable external database stops the server at once with one clear line that
 * names the JDBC URL, not a wall of stack traces.
 */
class DatabaseStartupCheckTests {

	private static final String DEAD_URL = "jdbc:mariadb://127.0.0.1:1/academy";

	@Test
	void noExternalDatabaseMeansNothingToCheck() {
		assertThat(DatabaseStartupCheck.problem(Map.of())).isEmpty();
	}

	@Test
	void unreachableDatabaseIsDescribedInOneLineNamingTheUrl() {
		String problem = DatabaseStartupCheck.problem(Map.of("DB_URL", DEAD_URL, "DB_USER", "app")).orElseThrow();
		assertThat(problem).contains(DEAD_URL).doesNotContain("\n");
	}

	@Test
	void theServerExitsWithThatOneLine() throws Exception {
		String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				Application.class.getName());
		builder.environment().put("DB_URL", DEAD_URL);
		builder.environment().put("DB_USER", "app");
		builder.redirectErrorStream(true);
		Process process = builder.start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		List<String> lines = output.lines().filter((l) -> !l.isBlank()).toList();
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(lines).hasSize(1);
		assertThat(lines.get(0)).startsWith("Cannot connect to the database at " + DEAD_URL);
	}

}
