package org.lepha.academy.operations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.lepha.academy.base.LogFormatCheck;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code LOG_FORMAT} switches the console to one JSON object per line in the chosen
 * format, read here by a JSON parser; without it the console stays plain text. Each case
 * starts a process of its own ({@link StructuredLogsProbe}) with the variable set as an
 * operator would set it.
 */
class StructuredLogsTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void ecsLinesCarryTimestampLevelLoggerServiceAndMessage() throws Exception {
		JsonNode line = probeLine("ecs");
		assertThat(line.path("@timestamp").asString()).isNotBlank();
		assertThat(line.path("ecs").path("version").asString()).isNotBlank();
		assertThat(line.path("log").path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("log").path("logger").asString()).isEqualTo("org.lepha.academy.operations");
		assertThat(line.path("service").path("name").asString()).isEqualTo("lepha-academy");
	}

	@Test
	void logstashLinesCarryTimestampLevelLoggerAndMessage() throws Exception {
		JsonNode line = probeLine("logstash");
		assertThat(line.path("@timestamp").asString()).isNotBlank();
		assertThat(line.path("@version").asString()).isEqualTo("1");
		assertThat(line.path("level").asString()).isEqualTo("INFO");
		assertThat(line.path("logger_name").asString()).isEqualTo("org.lepha.academy.operations");
	}

	@Test
	void gelfLinesCarryVersionHostLevelAndMessage() throws Exception {
		JsonNode line = probeLine("gelf");
		assertThat(line.path("version").asString()).isEqualTo("1.1");
		assertThat(line.path("host").asString()).isEqualTo("lepha-academy");
		assertThat(line.path("level").asInt()).isEqualTo(6);
		assertThat(line.path("_level_name").asString()).isEqualTo("INFO");
		assertThat(line.path("_log_logger").asString()).isEqualTo("org.lepha.academy.operations");
	}

	@Test
	void withoutTheSwitchTheConsoleIsPlainText() throws Exception {
		List<String> lines = runProbe(null);
		String line = lines.stream().filter((l) -> l.contains(StructuredLogsProbe.MESSAGE)).findFirst().orElseThrow();
		assertThat(line).doesNotStartWith("{").contains(" INFO ").contains("org.lepha.academy.operations");
	}

	@Test
	void anUnknownFormatIsOneClearLineBeforeAnythingStarts() {
		assertThat(LogFormatCheck.problem(Map.of("LOG_FORMAT", "json")))
			.hasValueSatisfying((problem) -> assertThat(problem).startsWith("LOG_FORMAT=json is not a log format")
				.contains("ecs, logstash or gelf")
				.doesNotContain("\n"));
		for (String known : List.of("ecs", "logstash", "gelf", "ECS", "")) {
			assertThat(LogFormatCheck.problem(Map.of("LOG_FORMAT", known))).as(known).isEmpty();
		}
		assertThat(LogFormatCheck.problem(Map.of())).isEmpty();
	}

	/** The probe's line in the format, parsed; its message must come back intact. */
	private static JsonNode probeLine(String format) throws Exception {
		List<String> lines = runProbe(format);
		for (String line : lines) {
			if (line.startsWith("{") && line.contains("Structured logs probe")) {
				JsonNode json = JSON.readTree(line);
				String message = json.has("short_message") ? json.path("short_message").asString()
						: json.path("message").asString();
				assertThat(message).as(line).isEqualTo(StructuredLogsProbe.MESSAGE);
				// Every line of the console is JSON, not just ours.
				assertThat(lines.stream().filter((l) -> !l.isBlank())).as("all lines JSON")
					.allSatisfy((l) -> assertThat(l).startsWith("{"));
				return json;
			}
		}
		throw new AssertionError("No JSON line with the probe's message in:\n" + String.join("\n", lines));
	}

	private static List<String> runProbe(String format) throws IOException, InterruptedException {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		ProcessBuilder builder = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
				StructuredLogsProbe.class.getName())
			.redirectErrorStream(true);
		builder.environment().remove("LOG_FORMAT");
		if (format != null) {
			builder.environment().put("LOG_FORMAT", format);
		}
		Process process = builder.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		assertThat(process.exitValue()).as(output).isEqualTo(0);
		return output.lines().toList();
	}

}
