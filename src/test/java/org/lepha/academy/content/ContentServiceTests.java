package org.lepha.academy.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lepha.academy.base.i18n.Languages;
import org.lepha.academy.content.internal.ContentService;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's view of the content: a broken module is left out and the rest is served;
 * in development, edits are picked up without a restart.
 */
class ContentServiceTests {

	@TempDir
	Path temp;

	private final Languages languages = new Languages(List.of("en", "ru", "fa-AF"));

	@Test
	void aBrokenModuleIsNotServedAndTheOthersAre() throws IOException {
		ContentFolders.copy(Path.of("src/test/resources/content-valid/content/example-module"),
				temp.resolve("content/example-module"));
		ContentFolders.copy(Path.of("src/test/resources/content-broken/content/broken-lessons"),
				temp.resolve("content/broken-lessons"));
		ContentService service = new ContentService(temp.resolve("content"), temp.resolve("translations"), languages,
				true, false);
		assertThat(service.modules()).extracting(Module::id).containsExactly("example-module");
		assertThat(service.module("broken-lessons")).isEmpty();
		assertThat(service.status()).anySatisfy((s) -> {
			assertThat(s.moduleId()).isEqualTo("broken-lessons");
			assertThat(s.served()).isFalse();
			assertThat(s.problems()).isNotEmpty();
		});
	}

	@Test
	void everyHostileFileClassLeavesTheServerRunningWithTheOtherModulesServed() throws IOException {
		ContentFolders.copy(Path.of("src/test/resources/content-valid/content/example-module"),
				temp.resolve("content/example-module"));
		List<String> hostile = List.of("hostile-yaml", "hostile-bomb", "hostile-markdown", "hostile-scenario",
				"hostile-media");
		for (String module : hostile) {
			ContentFolders.copy(Path.of("src/test/resources/content-broken/content/" + module),
					temp.resolve("content/" + module));
		}
		ContentFolders.copy(Path.of("src/test/resources/content-broken/translations"), temp.resolve("translations"));
		ContentService service = new ContentService(temp.resolve("content"), temp.resolve("translations"), languages,
				true, false);
		assertThat(service.modules()).extracting(Module::id).containsExactly("example-module");
		for (String module : hostile) {
			assertThat(service.status()).as(module).anySatisfy((s) -> {
				assertThat(s.moduleId()).isEqualTo(module);
				assertThat(s.served()).isFalse();
				assertThat(s.problems()).isNotEmpty();
			});
		}
		assertThat(service.mediaFile("example-module", "recovery.svg")).isPresent();
	}

	@Test
	void editsArePickedUpWithoutARestartWhenWatching() throws Exception {
		Path module = temp.resolve("content/example-module");
		ContentFolders.copy(Path.of("src/test/resources/content-valid/content/example-module"), module);
		ContentService service = new ContentService(temp.resolve("content"), temp.resolve("translations"), languages,
				true, true);
		try {
			assertThat(service.module("example-module").orElseThrow().title().english())
				.isEqualTo("Responding to an overdose");
			Path manifest = module.resolve("module.yaml");
			Files.writeString(manifest, Files.readString(manifest)
				.replace("title: Responding to an overdose", "title: Responding to an opioid overdose"));
			Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (Instant.now().isBefore(deadline) && service.module("example-module")
				.map((m) -> m.title().english())
				.filter("Responding to an opioid overdose"::equals)
				.isEmpty()) {
				Thread.sleep(100);
			}
			assertThat(service.module("example-module").orElseThrow().title().english())
				.isEqualTo("Responding to an opioid overdose");

			// A broken edit takes the module out of service instead of serving half of
			// it.
			Files.writeString(manifest, Files.readString(manifest).replace("version: 1", "version: one"));
			deadline = Instant.now().plus(Duration.ofSeconds(20));
			while (Instant.now().isBefore(deadline) && service.module("example-module").isPresent()) {
				Thread.sleep(100);
			}
			assertThat(service.module("example-module")).isEmpty();
		}
		finally {
			service.close();
		}
	}

	@Test
	void mediaOutsideTheModulesMediaFolderIsNeverServed() throws IOException {
		ContentFolders.copy(Path.of("src/test/resources/content-valid/content/example-module"),
				temp.resolve("content/example-module"));
		ContentService service = new ContentService(temp.resolve("content"), temp.resolve("translations"), languages,
				true, false);
		assertThat(service.mediaFile("example-module", "recovery.svg")).isPresent();
		assertThat(service.mediaFile("example-module", "../module.yaml")).isEmpty();
		assertThat(service.mediaFile("example-module", "..")).isEmpty();
		assertThat(service.mediaFile("no-such-module", "recovery.svg")).isEmpty();
	}

}
