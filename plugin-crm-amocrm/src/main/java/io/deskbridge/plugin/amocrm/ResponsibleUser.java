package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import java.util.List;
import java.util.Optional;

/**
 * Which amoCRM user is responsible for a conversation's lead. Only decides; {@link LeadSync} writes.
 *
 * <ul>
 *   <li>{@code mapping}: the assigned agent's mapped user, else the fallback; follows reassignments.
 *   <li>{@code roundRobin}: the mapped users in turn, one turn per new lead, whoever answers.
 *   <li>{@code firstToAnswer}: the fallback until an agent first replies to the customer, then that
 *       agent's mapped user, for good.
 * </ul>
 */
final class ResponsibleUser {

  static final String MAPPING = "mapping";
  static final String ROUND_ROBIN = "roundRobin";
  static final String FIRST_TO_ANSWER = "firstToAnswer";
  static final List<String> STRATEGIES = List.of(MAPPING, ROUND_ROBIN, FIRST_TO_ANSWER);

  private static final String PICK = "responsible-pick";
  private static final String FIRST_ANSWER = "first-answer";
  private static final String TURN = "responsible-turn";

  private final String strategy;
  private final IdsByName users;
  private final Optional<Long> fallback;
  private final SupportDirectory directory;
  private final Mappings mappings;

  ResponsibleUser(String strategy, IdsByName users, Optional<Long> fallback, SupportDirectory directory,
      Mappings mappings) {
    this.strategy = strategy;
    this.users = users;
    this.fallback = fallback;
    this.directory = directory;
    this.mappings = mappings;
  }

  /** Whether a reassignment in Deskbridge should change the lead's responsible user. */
  boolean followsAssignment() {
    return MAPPING.equals(strategy);
  }

  /**
   * The user of a lead created now for the conversation. A round-robin turn is taken once per
   * conversation and remembered, so a retried creation does not skip a user.
   */
  Optional<Long> forNewLead(long conversationId) {
    if (ROUND_ROBIN.equals(strategy) && !users.isEmpty()) {
      String key = Long.toString(conversationId);
      Optional<String> picked = mappings.remoteId(PICK, key);
      if (picked.isEmpty()) {
        mappings.compareAndSet(PICK, key, null, Long.toString(nextTurn()));
        picked = mappings.remoteId(PICK, key);
      }
      return picked.map(Long::parseLong);
    }
    if (MAPPING.equals(strategy)) {
      return directory.conversation(conversationId).flatMap(c -> c.assigneeId()).flatMap(this::mapped)
          .or(() -> fallback);
    }
    return firstAnswerer(conversationId).flatMap(this::mapped).or(() -> fallback);
  }

  /** The user after the conversation was (re)assigned to {@code agentId}, or back to the queue (null). */
  Optional<Long> forAssignee(Long agentId) {
    return Optional.ofNullable(agentId).flatMap(this::mapped).or(() -> fallback);
  }

  /**
   * Called for each public agent reply: the user to set if this agent is the conversation's first
   * to answer (the first one is kept across retries and servers), else empty.
   */
  Optional<Long> forReply(long conversationId, long agentId) {
    if (!FIRST_TO_ANSWER.equals(strategy)) {
      return Optional.empty();
    }
    mappings.compareAndSet(FIRST_ANSWER, Long.toString(conversationId), null, Long.toString(agentId));
    return firstAnswerer(conversationId).filter(first -> first == agentId).flatMap(this::mapped);
  }

  private Optional<Long> firstAnswerer(long conversationId) {
    return mappings.remoteId(FIRST_ANSWER, Long.toString(conversationId)).map(Long::parseLong);
  }

  private Optional<Long> mapped(long agentId) {
    return directory.agentEmail(agentId).flatMap(users::get);
  }

  /** The next user in the admin's order, counted cluster-wide. */
  private long nextTurn() {
    List<Long> order = users.values();
    while (true) {
      Optional<String> seen = mappings.remoteId(TURN, "next");
      long turn = seen.map(Long::parseLong).orElse(0L);
      if (mappings.compareAndSet(TURN, "next", seen.orElse(null), Long.toString(turn + 1))) {
        return order.get((int) (turn % order.size()));
      }
    }
  }
}
