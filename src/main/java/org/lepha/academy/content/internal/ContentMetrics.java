package org.lepha.academy.content.internal;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * The course's health for a dashboard: how often it was reloaded and how long that took
 * ({@code academy.content.reloads}), how many problems the loaded course has
 * ({@code academy.content.problems}, errors and warnings apart) and how many modules are
 * served. Everything is read at scrape time from the current snapshot.
 */
@Component
class ContentMetrics implements MeterBinder {

	private final ContentService content;

	ContentMetrics(ContentService content) {
		this.content = content;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionTimer
			.builder("academy.content.reloads", content, ContentService::reloadCount, ContentService::reloadSeconds,
					TimeUnit.SECONDS)
			.description("Loads of the course from its folders (at start and after edits)")
			.register(registry);
		Gauge.builder("academy.content.problems", content, (c) -> problems(c, true))
			.description("Problems found in the loaded course")
			.tag("severity", "error")
			.register(registry);
		Gauge.builder("academy.content.problems", content, (c) -> problems(c, false))
			.description("Problems found in the loaded course")
			.tag("severity", "warning")
			.register(registry);
		Gauge.builder("academy.content.modules.served", content, (c) -> c.currentSnapshot().served().size())
			.description("Modules served to cadets (a module with errors is not)")
			.register(registry);
	}

	private static double problems(ContentService content, boolean errors) {
		return content.currentSnapshot().allProblems().stream().filter((p) -> p.isError() == errors).count();
	}

}
