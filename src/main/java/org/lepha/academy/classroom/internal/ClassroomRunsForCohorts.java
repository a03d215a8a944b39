package org.lepha.academy.classroom.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.lepha.academy.classroom.internal.ClassroomRepository.StoredRound;
import org.lepha.academy.classroom.internal.ClassroomRepository.StoredSession;
import org.lepha.academy.cohorts.ClassroomRuns;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;

import org.springframework.stereotype.Component;

/**
 * The cohort analytics' view of classroom sessions: every round with its votes per
 * choice, the choice taken and the ending. The caller ({@code ScenarioAnalytics}) has
 * checked the trainer.
 */
@Component
class ClassroomRunsForCohorts implements ClassroomRuns {

	private final ClassroomRepository sessions;

	private final ContentCatalog content;

	ClassroomRunsForCohorts(ClassroomRepository sessions, ContentCatalog content) {
		this.sessions = sessions;
		this.content = content;
	}

	@Override
	public List<ClassroomRun> runs(long cohortId, String moduleId, Locale locale) {
		Optional<Module> found = content.module(moduleId);
		if (found.isEmpty()) {
			return List.of();
		}
		Module module = found.get();
		List<ClassroomRun> runs = new ArrayList<>();
		for (StoredSession session : sessions.sessions(cohortId, moduleId)) {
			Optional<Scenario> scenario = module.scenario(session.scenarioId());
			if (scenario.isEmpty()) {
				continue;
			}
			List<Round> rounds = new ArrayList<>();
			List<StoredRound> stored = sessions.rounds(session.id());
			for (int i = 0; i < stored.size(); i++) {
				StoredRound round = stored.get(i);
				ScenarioState state = ClassroomPaths.state(scenario.get(), stored.subList(0, i), round.nodeId());
				Optional<ScenarioNode> node = scenario.get().node(round.nodeId());
				if (node.isEmpty()) {
					continue;
				}
				Map<String, Integer> counts = sessions.counts(round.id());
				List<Votes> votes = new ArrayList<>();
				String taken = null;
				for (Choice choice : node.get().choices()) {
					String text = content.resolve(moduleId, choice.text(), locale).text();
					int count = counts.getOrDefault(choice.id(), 0);
					// Only the choices that were on offer at that point of the class's
					// path.
					if (choice.condition().test(state)) {
						votes.add(new Votes(text, count));
					}
					if (choice.id().equals(round.choiceId())) {
						taken = text;
					}
				}
				rounds
					.add(new Round(round.nodeId(), round.roundNo(), votes, taken, "TRAINER".equals(round.decidedBy())));
			}
			Optional<Ending> ending = session.endingId() == null ? Optional.empty()
					: scenario.get().ending(session.endingId());
			runs.add(new ClassroomRun(session.id(), session.scenarioId(),
					content.resolve(moduleId, scenario.get().title(), locale).text(), session.startedAt(),
					session.live(), ending.map((e) -> content.resolve(moduleId, e.title(), locale).text()).orElse(null),
					ending.map(Ending::rating).orElse(null), rounds));
		}
		return runs;
	}

}
