package org.lepha.academy.classroom;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Where a classroom session stands, in one reader's language: the situation, the choices
 * and the discussion prompt of the current node, or the ending once the class reached
 * one.
 *
 * @param step how many nodes the class has been through (1 at the start)
 * @param roundNo the round of voting at this node (2 and more after a re-vote)
 * @param revealed whether the trainer showed the votes to the room; voting is closed then
 * @param tally the votes, for the projector only (null for cadets)
 * @param myChoiceId the reading cadet's vote in the current round, or null
 * @param path the choices the class went on with, in order
 */
public record ClassroomState(long sessionId, String joinCode, String scenarioTitle, boolean live,
		@Nullable String nodeId, @Nullable String situationHtml, @Nullable String discussion, List<Option> choices,
		int step, int roundNo, boolean revealed, @Nullable Tally tally, @Nullable String myChoiceId,
		@Nullable EndingView ending, List<String> path) {

	public ClassroomState {
		choices = List.copyOf(choices);
		path = List.copyOf(path);
	}

	/** A choice on offer at the node. */
	public record Option(String id, String text) {
	}

	/**
	 * The votes of the current round: how many cadets joined, how many voted, and the
	 * votes per choice id (every offered choice, zero included).
	 */
	public record Tally(int joined, int votes, Map<String, Integer> counts) {

		public Tally {
			counts = Map.copyOf(counts);
		}

	}

	/** The ending the class reached: its title, text, rating and debrief. */
	public record EndingView(String endingId, String title, String text, String rating, String debriefHtml) {
	}

}
