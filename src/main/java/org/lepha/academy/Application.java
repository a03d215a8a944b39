package org.lepha.academy;

import org.lepha.academy.base.LogFormatCheck;
import org.lepha.academy.base.db.DatabaseBackup;
import org.lepha.academy.base.db.DatabaseStartupCheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Entry point of the course server.
 */
@SpringBootApplication
@EnableScheduling
public class Application {

	public static void main(String[] args) {
		// --backup=FILE / --restore=FILE: a short command on the embedded database, no
		// server.
		DatabaseBackup.runCommand(args, System.getenv(), System.out, System.err).ifPresent(System::exit);
		LogFormatCheck.problem(System.getenv()).ifPresent((problem) -> {
			System.err.println(problem);
			System.exit(1);
		});
		DatabaseStartupCheck.problem(System.getenv()).ifPresent((problem) -> {
			System.err.println(problem);
			System.exit(1);
		});
		SpringApplication.run(Application.class, args);
	}

}
