package org.lepha.academy.operations;

import org.slf4j.LoggerFactory;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * What {@link StructuredLogsTests} runs in a process of its own: a Spring application
 * with the application's own {@code application.yaml} (and so its {@code LOG_FORMAT}
 * switch) but none of its beans, which writes one known log line and ends. A process of
 * its own, because the logging set-up is global to a JVM.
 */
public final class StructuredLogsProbe {

	/** The message the probe logs. */
	public static final String MESSAGE = "Structured logs probe: Зарина \"quoted\" line";

	private StructuredLogsProbe() {
	}

	public static void main(String[] args) {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Empty.class)
			.web(WebApplicationType.NONE)
			.run(args)) {
			LoggerFactory.getLogger("org.lepha.academy.operations").info(MESSAGE);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class Empty {

	}

}
