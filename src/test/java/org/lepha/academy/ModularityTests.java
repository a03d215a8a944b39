package org.lepha.academy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.lepha.academy.base.SystemPort;
import org.lepha.academy.security.SystemAccess;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The feature packages are modules: each uses only the others' public root packages
 * (never their {@code internal} or {@code ui} sub-packages), and there are no cycles.
 * System-only ports stay out of views, and administrator rights are borrowed only by
 * start-up work (decision 0004).
 */
class ModularityTests {

	private static final ApplicationModules modules = ApplicationModules.of(Application.class);

	private static final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.lepha.academy");

	@Test
	void featureModulesRespectTheirBoundaries() {
		modules.verify();
	}

	@Test
	void theExpectedFeaturesAreModules() {
		assertThat(modules.stream().map((m) -> m.getIdentifier().toString())).containsExactlyInAnyOrder("base",
				"security", "content", "learning", "cohorts", "audit", "certificates", "translation", "books", "exams",
				"classroom", "reports");
	}

	/**
	 * The diagrams in {@code docs/modules} are Modulith's own drawing of the module
	 * graph: a change of a dependency fails here until they are written again with
	 * {@code ./mvnw test -Dtest=ModularityTests -Dmodules.docs.write=true}.
	 */
	@Test
	void theModuleDiagramsInDocsAreCurrent() throws IOException {
		Path generated = Path.of("target/modulith-docs");
		DiagramOptions options = DiagramOptions.defaults().withStyle(DiagramOptions.DiagramStyle.UML);
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeModulesAsPlantUml(options)
			.writeIndividualModulesAsPlantUml(options);
		Path docs = Path.of("docs/modules");
		if (Boolean.getBoolean("modules.docs.write")) {
			Files.createDirectories(docs);
			try (Stream<Path> files = Files.list(generated)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".puml")).toList()) {
					Files.copy(file, docs.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
				}
			}
		}
		assertThat(diagrams(docs)).as("docs/modules (see the Javadoc to write them again)")
			.isEqualTo(diagrams(generated));
	}

	/**
	 * Each diagram's lines, sorted: Modulith writes the same elements and arrows in a
	 * different order from run to run.
	 */
	private static Map<String, List<String>> diagrams(Path folder) throws IOException {
		Map<String, List<String>> diagrams = new TreeMap<>();
		if (Files.isDirectory(folder)) {
			try (Stream<Path> files = Files.list(folder)) {
				for (Path file : files.filter((f) -> f.toString().endsWith(".puml")).toList()) {
					diagrams.put(file.getFileName().toString(), Files.readAllLines(file).stream().sorted().toList());
				}
			}
		}
		return diagrams;
	}

	@Test
	void viewsNeverReachASystemPort() {
		noClasses().that()
			.resideInAPackage("..ui..")
			.should()
			.dependOnClassesThat()
			.areAnnotatedWith(SystemPort.class)
			.because("a system port checks no caller; views go through the guarded services")
			.check(mainClasses);
	}

	@Test
	void onlyStartUpWorkBorrowsAdministratorRights() {
		noClasses().that()
			.resideOutsideOfPackage("org.lepha.academy.security..")
			.and()
			.doNotHaveFullyQualifiedName("org.lepha.academy.cohorts.internal.DemoData")
			.should()
			.dependOnClassesThat()
			.areAssignableTo(SystemAccess.class)
			.because("system code reads other modules through their system ports, not as an administrator")
			.check(mainClasses);
	}

}
