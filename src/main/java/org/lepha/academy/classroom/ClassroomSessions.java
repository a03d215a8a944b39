package org.lepha.academy.classroom;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.lepha.academy.base.text.RandomCodes;
import org.lepha.academy.classroom.ClassroomChoices.LiveSession;
import org.lepha.academy.classroom.ClassroomChoices.MyVote;
import org.lepha.academy.classroom.ClassroomChoices.StartOption;
import org.lepha.academy.classroom.internal.ClassroomBroadcaster;
import org.lepha.academy.classroom.internal.ClassroomPaths;
import org.lepha.academy.classroom.internal.ClassroomRepository;
import org.lepha.academy.classroom.internal.ClassroomRepository.CadetVote;
import org.lepha.academy.classroom.internal.ClassroomRepository.StoredRound;
import org.lepha.academy.classroom.internal.ClassroomRepository.StoredSession;
import org.lepha.academy.cohorts.Assignment;
import org.lepha.academy.cohorts.CadetMemberships;
import org.lepha.academy.cohorts.CohortService;
import org.lepha.academy.cohorts.CohortSummary;
import org.lepha.academy.content.Choice;
import org.lepha.academy.content.ContentCatalog;
import org.lepha.academy.content.Ending;
import org.lepha.academy.content.Module;
import org.lepha.academy.content.Scenario;
import org.lepha.academy.content.ScenarioNode;
import org.lepha.academy.content.ScenarioState;
import org.lepha.academy.content.Text;
import org.lepha.academy.security.UserAccountService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Classroom sessions of a scenario (issue 21). Trainers of the cohort (and
 * administrators) start and steer a session; signed-in cadets of that cohort join with
 * its code and vote. Every call checks its caller here, whatever the view showed. The
 * state lives in the database, so a reload or a restart resumes; listeners learn of
 * changes through the {@link ClassroomBroadcaster} (decision 0016).
 */
@Service
public class ClassroomSessions {

	/** Letters and digits nobody mistakes for one another when read off a projector. */
	static final String CODE_ALPHABET = "ACDEFHJKMNPRTUVWXY3479";

	static final int CODE_LENGTH = 6;

	private static final String MAJORITY = "MAJORITY";

	private static final String TRAINER = "TRAINER";

	private final ClassroomRepository sessions;

	private final ClassroomBroadcaster broadcaster;

	private final CohortService cohorts;

	private final CadetMemberships memberships;

	private final ContentCatalog content;

	private final Clock clock;

	public ClassroomSessions(ClassroomRepository sessions, ClassroomBroadcaster broadcaster, CohortService cohorts,
			CadetMemberships memberships, ContentCatalog content, Clock clock) {
		this.sessions = sessions;
		this.broadcaster = broadcaster;
		this.cohorts = cohorts;
		this.memberships = memberships;
		this.content = content;
		this.clock = clock;
	}

	/** The scenarios of the modules assigned to the caller's cohorts, to start one. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<StartOption> startOptions(Locale locale) {
		List<StartOption> options = new ArrayList<>();
		for (CohortSummary cohort : cohorts.myCohorts()) {
			for (Assignment assignment : cohorts.assignments(cohort.id())) {
				content.module(assignment.moduleId()).ifPresent((module) -> {
					for (Scenario scenario : module.scenarios()) {
						options.add(new StartOption(cohort.id(), cohort.name(), module.id(),
								text(module, module.title(), locale), scenario.id(),
								text(module, scenario.title(), locale)));
					}
				});
			}
		}
		return options;
	}

	/** The live sessions of the caller's cohorts, newest first, to resume one. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public List<LiveSession> liveSessions(Locale locale) {
		Map<Long, String> names = new LinkedHashMap<>();
		cohorts.myCohorts().forEach((c) -> names.put(c.id(), c.name()));
		List<LiveSession> live = new ArrayList<>();
		for (StoredSession session : sessions.liveSessions(names.keySet())) {
			content.module(session.moduleId())
				.ifPresent((module) -> module.scenario(session.scenarioId())
					.ifPresent((scenario) -> live
						.add(new LiveSession(session.id(), session.joinCode(), names.get(session.cohortId()),
								text(module, scenario.title(), locale), session.startedAt()))));
		}
		return live;
	}

	/**
	 * Starts a session of a scenario for a cohort the caller runs, at the scenario's
	 * start node, with a join code unique among live sessions.
	 * @return the new session's id
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public long start(long cohortId, String moduleId, String scenarioId) {
		cohorts.requireAccess(cohortId);
		Module module = content.module(moduleId).orElseThrow(() -> new ClassroomException("classroom.error.notFound"));
		Scenario scenario = module.scenario(scenarioId)
			.orElseThrow(() -> new ClassroomException("classroom.error.notFound"));
		long trainer = UserAccountService.requireCurrentUserId();
		for (int attempt = 0; attempt < 20; attempt++) {
			long id;
			try {
				id = sessions.insertSession(cohortId, moduleId, scenarioId, trainer, newCode(), clock.instant());
			}
			catch (DuplicateKeyException ex) {
				// The code is in use by a live session: draw another.
				continue;
			}
			sessions.openRound(id, 1, scenario.start(), 1, clock.instant());
			return id;
		}
		throw new IllegalStateException("No free classroom code after 20 draws");
	}

	/**
	 * The session as the projector shows it, votes included, in the caller's language.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional(readOnly = true)
	public ClassroomState projector(long sessionId, Locale locale) {
		StoredSession session = trainerSession(sessionId, false);
		return state(session, locale, null, true);
	}

	/**
	 * A signed-in cadet joins a live session of their own cohort with its code (letters
	 * in any case, spaces ignored). A code of another cohort's session is refused as a
	 * wrong one.
	 * @return the session's id
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public long join(String code) {
		String normalized = code == null ? "" : code.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
		long cadet = UserAccountService.requireCurrentUserId();
		StoredSession session = sessions.liveByCode(normalized)
			.filter((s) -> isMember(cadet, s.cohortId()))
			.orElseThrow(() -> new ClassroomException("classroom.error.code"));
		sessions.join(session.id(), cadet, clock.instant());
		broadcaster.votesChanged(session.id());
		return session.id();
	}

	/**
	 * The session as the calling cadet sees it, in their language, with their vote in the
	 * current round; a cadet who opens it by link joins it (a late joiner enters at the
	 * current node).
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public ClassroomState cadetView(long sessionId, Locale locale) {
		long cadet = UserAccountService.requireCurrentUserId();
		StoredSession session = cadetSession(sessionId, cadet, false);
		if (session.live()) {
			sessions.join(session.id(), cadet, clock.instant());
		}
		return state(session, locale, cadet, false);
	}

	/**
	 * Casts or changes the calling cadet's vote in the current round, while the round is
	 * open (not yet revealed).
	 */
	@PreAuthorize("hasRole('CADET')")
	@Transactional
	public void vote(long sessionId, String choiceId) {
		long cadet = UserAccountService.requireCurrentUserId();
		StoredSession session = cadetSession(sessionId, cadet, true);
		StoredRound round = openRound(session);
		if (round.revealed()) {
			throw new ClassroomException("classroom.error.votingClosed");
		}
		Scenario scenario = scenario(session);
		offered(scenario, session, round.nodeId(), choiceId);
		sessions.join(session.id(), cadet, clock.instant());
		sessions.vote(round.id(), cadet, choiceId, clock.instant());
		broadcaster.votesChanged(session.id());
	}

	/** Shows the current round's votes to the room; voting in the round closes. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void reveal(long sessionId) {
		StoredSession session = trainerSession(sessionId, true);
		sessions.reveal(openRound(session).id());
		broadcaster.stateChanged(sessionId);
	}

	/**
	 * Opens a new round at the same node after discussion; the earlier round's votes stay
	 * stored as they were.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void revote(long sessionId) {
		StoredSession session = trainerSession(sessionId, true);
		StoredRound round = openRound(session);
		sessions.decide(round.id(), null, null, clock.instant());
		sessions.openRound(sessionId, round.seq() + 1, round.nodeId(), round.roundNo() + 1, clock.instant());
		broadcaster.stateChanged(sessionId);
	}

	/**
	 * Goes on with the choice most cadets voted for in the current round. A tie, or no
	 * vote at all, is refused: the trainer must pick.
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void continueWithMajority(long sessionId) {
		StoredSession session = trainerSession(sessionId, true);
		StoredRound round = openRound(session);
		Map<String, Integer> counts = sessions.counts(round.id());
		int best = counts.values().stream().mapToInt(Integer::intValue).max().orElse(0);
		if (best == 0) {
			throw new ClassroomException("classroom.error.noVotes");
		}
		List<String> leaders = counts.entrySet()
			.stream()
			.filter((e) -> e.getValue() == best)
			.map(Map.Entry::getKey)
			.toList();
		if (leaders.size() > 1) {
			throw new ClassroomException("classroom.error.tie");
		}
		proceed(session, round, leaders.get(0), MAJORITY);
	}

	/** Goes on with a choice the trainer picks (on a tie, or against the majority). */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void continueWith(long sessionId, String choiceId) {
		StoredSession session = trainerSession(sessionId, true);
		proceed(session, openRound(session), choiceId, TRAINER);
	}

	/** Ends the session where it stands; its code becomes free. */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN')")
	@Transactional
	public void end(long sessionId) {
		StoredSession session = trainerSession(sessionId, true);
		if (session.live()) {
			StoredRound round = openRound(session);
			sessions.decide(round.id(), null, null, clock.instant());
			sessions.end(sessionId, null, clock.instant());
			broadcaster.stateChanged(sessionId);
		}
	}

	/** Every classroom vote the signed-in cadet cast, newest session first. */
	@PreAuthorize("hasRole('CADET')")
	@Transactional(readOnly = true)
	public List<MyVote> myVotes(Locale locale) {
		long cadet = UserAccountService.requireCurrentUserId();
		List<MyVote> votes = new ArrayList<>();
		for (CadetVote vote : sessions.votesOf(cadet)) {
			Optional<Module> module = content.module(vote.moduleId());
			Optional<Scenario> scenario = module.flatMap((m) -> m.scenario(vote.scenarioId()));
			if (scenario.isEmpty()) {
				continue;
			}
			String choice = scenario.get()
				.node(vote.nodeId())
				.flatMap((n) -> n.choices().stream().filter((c) -> c.id().equals(vote.choiceId())).findFirst())
				.map((c) -> text(module.get(), c.text(), locale))
				.orElse(vote.choiceId());
			votes.add(new MyVote(vote.sessionId(), vote.startedAt(), text(module.get(), scenario.get().title(), locale),
					vote.roundNo(), choice, vote.choiceId().equals(vote.takenChoiceId())));
		}
		return votes;
	}

	/**
	 * Tells the listener when the session changes (on a thread of its own: the listener
	 * rereads through this service under its own security context). Trainers of the
	 * cohort also hear of votes; cadets of the cohort only of state changes.
	 * @return the action that stops listening
	 */
	@PreAuthorize("hasAnyRole('TRAINER', 'ADMIN', 'CADET')")
	@Transactional(readOnly = true)
	public Runnable subscribe(long sessionId, Runnable listener) {
		StoredSession session = sessions.find(sessionId)
			.orElseThrow(() -> new AccessDeniedException("No such session"));
		Optional<Long> user = UserAccountService.currentUserId();
		boolean cadet = user.isPresent() && isMember(user.get(), session.cohortId());
		if (!cadet) {
			cohorts.requireAccess(session.cohortId());
		}
		return broadcaster.register(sessionId, !cadet, listener);
	}

	private void proceed(StoredSession session, StoredRound round, String choiceId, String decidedBy) {
		Scenario scenario = scenario(session);
		Choice choice = offered(scenario, session, round.nodeId(), choiceId);
		sessions.decide(round.id(), choice.id(), decidedBy, clock.instant());
		Optional<Ending> ending = scenario.ending(choice.next());
		if (ending.isPresent()) {
			sessions.end(session.id(), ending.get().id(), clock.instant());
		}
		else {
			sessions.openRound(session.id(), round.seq() + 1, choice.next(), 1, clock.instant());
		}
		broadcaster.stateChanged(session.id());
	}

	/** The choice if it is on offer at the node given the class's path so far. */
	private Choice offered(Scenario scenario, StoredSession session, String nodeId, String choiceId) {
		ScenarioNode node = scenario.node(nodeId).orElseThrow();
		ScenarioState state = ClassroomPaths.state(scenario, sessions.rounds(session.id()), nodeId);
		return node.choices()
			.stream()
			.filter((c) -> c.id().equals(choiceId) && c.condition().test(state))
			.findFirst()
			.orElseThrow(() -> new ClassroomException("classroom.error.choiceNotOffered"));
	}

	private ClassroomState state(StoredSession session, Locale locale, @Nullable Long cadet, boolean withTally) {
		Module module = content.module(session.moduleId())
			.orElseThrow(() -> new ClassroomException("classroom.error.notFound"));
		Scenario scenario = module.scenario(session.scenarioId())
			.orElseThrow(() -> new ClassroomException("classroom.error.notFound"));
		List<StoredRound> rounds = sessions.rounds(session.id());
		List<String> path = new ArrayList<>();
		for (StoredRound round : rounds) {
			ClassroomPaths.taken(scenario, round).ifPresent((c) -> path.add(text(module, c.text(), locale)));
		}
		int step = (int) rounds.stream().filter((r) -> r.choiceId() != null).count() + 1;
		String title = text(module, scenario.title(), locale);
		if (!session.live() || session.currentRoundId() == null) {
			ClassroomState.EndingView ending = session.endingId() == null ? null
					: scenario.ending(session.endingId())
						.map((e) -> new ClassroomState.EndingView(e.id(), text(module, e.title(), locale),
								text(module, e.text(), locale), e.rating().name(),
								content.markdownHtml(module.id(), content.resolve(module.id(), e.debrief(), locale))))
						.orElse(null);
			return new ClassroomState(session.id(), session.joinCode(), title, false, null, null, null, List.of(), step,
					0, false, null, null, ending, path);
		}
		StoredRound round = rounds.stream().filter((r) -> r.id() == session.currentRoundId()).findFirst().orElseThrow();
		ScenarioNode node = scenario.node(round.nodeId()).orElseThrow();
		ScenarioState state = ClassroomPaths.state(scenario, rounds, node.id());
		List<Choice> offered = node.choices().stream().filter((c) -> c.condition().test(state)).toList();
		List<ClassroomState.Option> options = offered.stream()
			.map((c) -> new ClassroomState.Option(c.id(), text(module, c.text(), locale)))
			.toList();
		ClassroomState.Tally tally = null;
		if (withTally) {
			Map<String, Integer> stored = sessions.counts(round.id());
			Map<String, Integer> counts = new LinkedHashMap<>();
			offered.forEach((c) -> counts.put(c.id(), stored.getOrDefault(c.id(), 0)));
			tally = new ClassroomState.Tally(sessions.participants(session.id()),
					counts.values().stream().mapToInt(Integer::intValue).sum(), counts);
		}
		String mine = cadet == null ? null : sessions.voteOf(round.id(), cadet).orElse(null);
		String discussion = node.discussion() == null ? null : text(module, node.discussion(), locale);
		return new ClassroomState(session.id(), session.joinCode(), title, true, node.id(),
				content.markdownHtml(module.id(), content.resolve(module.id(), node.text(), locale)), discussion,
				options, step, round.roundNo(), round.revealed(), tally, mine, null, path);
	}

	private StoredSession trainerSession(long sessionId, boolean lock) {
		Optional<StoredSession> found = lock ? sessions.lock(sessionId, true) : sessions.find(sessionId);
		StoredSession session = found.orElseThrow(() -> new AccessDeniedException("No such session"));
		cohorts.requireAccess(session.cohortId());
		return session;
	}

	private StoredSession cadetSession(long sessionId, long cadet, boolean lock) {
		Optional<StoredSession> found = lock ? sessions.lock(sessionId, false) : sessions.find(sessionId);
		StoredSession session = found.filter((s) -> isMember(cadet, s.cohortId()))
			.orElseThrow(() -> new AccessDeniedException("No such session"));
		return session;
	}

	private StoredRound openRound(StoredSession session) {
		if (!session.live() || session.currentRoundId() == null) {
			throw new ClassroomException("classroom.error.ended");
		}
		return sessions.round(session.currentRoundId());
	}

	private Scenario scenario(StoredSession session) {
		return content.module(session.moduleId())
			.flatMap((m) -> m.scenario(session.scenarioId()))
			.orElseThrow(() -> new ClassroomException("classroom.error.notFound"));
	}

	private boolean isMember(long cadet, long cohortId) {
		return memberships.current(cadet).map((m) -> m.cohortId() == cohortId).orElse(false);
	}

	private String text(Module module, Text text, Locale locale) {
		return content.resolve(module.id(), text, locale).text();
	}

	private static String newCode() {
		return RandomCodes.of(CODE_ALPHABET, CODE_LENGTH);
	}

}
