package io.deskbridge.core.assignment;

import java.time.Instant;
import java.util.Set;

/**
 * An agent as round-robin sees them: whether they may take work now, the departments they work in,
 * and when they last got a conversation ({@code null}: never).
 */
public record Candidate(long agentId, boolean online, boolean active, Set<Long> departmentIds,
    Instant lastAssignedAt) {

  public Candidate {
    departmentIds = Set.copyOf(departmentIds);
  }

  /** Handbook 001: offline agents (lunch, break, end of shift) get no new conversations. */
  boolean canTake(Long departmentId) {
    return online && active && (departmentId == null || departmentIds.contains(departmentId));
  }
}
