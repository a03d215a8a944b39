package org.lepha.academy.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lepha.academy.TestTags;

import org.springframework.boot.json.JsonParserFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image, read from Jib's OCI tarball ({@code target/jib-image.tar}, from
 * {@code ./mvnw -Pproduction -DskipTests package jib:buildTar}). No container runtime is
 * available where the tests run, so the image is checked as data: its configuration
 * (user, entrypoint, port, environment, volume) and its layers' files.
 */
@Tag(TestTags.IMAGE)
class ContainerImageTests {

	private static final Path TARBALL = Path.of("target/jib-image.tar");

	/** The tarball's files by name ({@code index.json}, {@code blobs/sha256/...}). */
	private static Map<String, byte[]> blobs;

	private static Map<String, Object> config;

	/** Every file in every layer: path to mode. */
	private static Map<String, Integer> files;

	private static List<String> layerComments;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readTarball() throws IOException {
		assertThat(TARBALL).as("./mvnw -Pproduction -DskipTests package jib:buildTar").exists();
		blobs = new HashMap<>();
		try (TarArchiveInputStream tar = new TarArchiveInputStream(Files.newInputStream(TARBALL))) {
			for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
				if (entry.isFile()) {
					blobs.put(entry.getName(), tar.readAllBytes());
				}
			}
		}
		Map<String, Object> index = json(blobs.get("index.json"));
		Map<String, Object> manifestRef = ((List<Map<String, Object>>) index.get("manifests")).get(0);
		Map<String, Object> manifest = json(blob((String) manifestRef.get("digest")));
		Map<String, Object> imageConfig = json(
				blob((String) ((Map<String, Object>) manifest.get("config")).get("digest")));
		config = (Map<String, Object>) imageConfig.get("config");
		layerComments = ((List<Map<String, Object>>) imageConfig.get("history")).stream()
			.map((h) -> String.valueOf(h.get("comment")))
			.toList();
		files = new HashMap<>();
		for (Map<String, Object> layer : (List<Map<String, Object>>) manifest.get("layers")) {
			try (TarArchiveInputStream tar = new TarArchiveInputStream(
					new GZIPInputStream(new java.io.ByteArrayInputStream(blob((String) layer.get("digest")))))) {
				for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
					files.put("/" + entry.getName().replaceFirst("^/", "").replaceFirst("/$", ""), entry.getMode());
				}
			}
		}
	}

	@Test
	void runsAsANonRootUser() {
		assertThat(config.get("User")).isEqualTo("1000:1000");
	}

	@Test
	void startsTheApplicationWithContainerMemorySettings() {
		assertThat(strings(config.get("Entrypoint"))).startsWith("java")
			.contains("-XX:MaxRAMPercentage=75", "-XX:InitialRAMPercentage=50")
			.endsWith("org.lepha.academy.Application");
	}

	@Test
	void exposesTheHttpPortAndKeepsItsDataInAVolume() {
		assertThat(keys(config.get("ExposedPorts"))).containsExactly("8080/tcp");
		assertThat(strings(config.get("Env"))).contains("DATA_DIR=/data");
		assertThat(keys(config.get("Volumes"))).containsExactly("/data");
		assertThat(files).as("/data, writable by the app's user").containsKey("/data");
		assertThat(files.get("/data") & 0777).isEqualTo(0777);
	}

	@Test
	void carriesTheJarsLayersAndNoDevelopmentTools() {
		assertThat(layerComments).contains("dependencies", "resources", "classes");
		assertThat(files).containsKey("/app/classes/org/lepha/academy/Application.class")
			.containsKey("/app/jib-classpath-file");
		assertThat(files.keySet()).anySatisfy((f) -> assertThat(f).matches("/app/libs/vaadin-core-.*\\.jar"))
			.noneSatisfy((f) -> assertThat(f).containsAnyOf("copilot", "vaadin-dev", "flow-build-tools",
					"license-checker", "junit", "mockito", "playwright", "selenium", "assertj"));
	}

	@Test
	void carriesTheShippedCourse() {
		assertThat(files).containsKey("/app/resources/course/content/course.yaml")
			.containsKey("/app/resources/course/translations/ui/en.properties")
			.containsKey("/app/resources/course/translations/ui/ru.properties")
			.containsKey("/app/resources/course/translations/ui/fa-AF.properties");
		// The working folder has no course, so the image serves the jar's
		// (CourseLocation).
		assertThat(config.get("WorkingDir")).isEqualTo("/app");
		assertThat(files).doesNotContainKey("/app/content").doesNotContainKey("/app/translations");
	}

	private static byte[] blob(String digest) {
		byte[] bytes = blobs.get("blobs/" + digest.replace(':', '/'));
		assertThat(bytes).as("blob " + digest).isNotNull();
		return bytes;
	}

	private static Map<String, Object> json(byte[] bytes) {
		return JsonParserFactory.getJsonParser().parseMap(new String(bytes, StandardCharsets.UTF_8));
	}

	private static List<String> keys(Object map) {
		return ((Map<?, ?>) map).keySet().stream().map(String::valueOf).toList();
	}

	private static List<String> strings(Object list) {
		return ((List<?>) list).stream().map(String::valueOf).toList();
	}

}
