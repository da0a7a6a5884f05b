package io.deskbridge.core.assignment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Whose turn it is. Among the agents who can take the conversation (online and active, and working in
 * its department when it has one; anyone on duty when it has none) the next is the one assigned
 * longest ago: never-assigned agents first, then the oldest last assignment, then the lowest id, so
 * the choice is the same whoever computes it.
 */
public record Rotation(List<Candidate> team) {

  private static final Comparator<Candidate> LONGEST_WAITING = Comparator
      .comparing(Candidate::lastAssignedAt, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparingLong(Candidate::agentId);

  public Rotation {
    team = List.copyOf(team);
  }

  /** The agent whose turn it is for a conversation of that department ({@code null}: none). */
  public Optional<Candidate> next(Long departmentId) {
    return team.stream().filter(c -> c.canTake(departmentId)).min(LONGEST_WAITING);
  }
}
