package org.lepha.academy.base.startup;

import java.io.PrintStream;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalysisReporter;

/**
 * Reports a failed start as one line on standard error, in place of Spring Boot's
 * "APPLICATION FAILED TO START" block (switched off in {@code application.yaml}); the
 * stack trace goes to the log at debug level.
 * <p>
 * Standard error rather than the log: a failure while the environment is prepared comes
 * before logging is set up, when a log line would be swallowed.
 */
public final class OneLineFailureReporter implements FailureAnalysisReporter {

	private static final Log log = LogFactory.getLog(OneLineFailureReporter.class);

	private final PrintStream out;

	public OneLineFailureReporter() {
		this(System.err);
	}

	OneLineFailureReporter(PrintStream out) {
		this.out = out;
	}

	@Override
	public void report(FailureAnalysis analysis) {
		if (log.isDebugEnabled()) {
			log.debug("The application failed to start", analysis.getCause());
		}
		out.println(line(analysis));
		out.flush();
	}

	/** Description and action of any analyzer, Spring Boot's multi-line ones included. */
	static String line(FailureAnalysis analysis) {
		String action = analysis.getAction() == null ? "" : analysis.getAction();
		String text = (analysis.getDescription() + " " + action).replaceAll("\\s*\\R\\s*", " ").strip();
		return "Cannot start: " + text;
	}

}
