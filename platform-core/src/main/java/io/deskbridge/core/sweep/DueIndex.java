package io.deskbridge.core.sweep;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.sla.SlaTarget;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The index of when each conversation needs the sweeper next, and the SLA alerts already sent. */
public interface DueIndex {

  /** Up to {@code limit} conversation ids due at {@code now}, the longest overdue first. */
  List<Long> due(Instant now, int limit);

  /**
   * The conversation, row-locked until the transaction ends, if it is still due: a second instance
   * that read the same id waits here, then finds it already moved on.
   */
  Optional<Conversation> lockIfDue(long id, Instant now);

  /** Moves the next check without changing the conversation (no new version for its readers). */
  void reschedule(long id, Instant next);

  Set<Alert> alertsSent(long conversationId);

  void recordAlert(long conversationId, Alert alert, Instant at);

  /** One warning or breach of one timer cycle. */
  record Alert(SlaTarget target, Instant startedAt, Kind kind) {

    public enum Kind { WARNED, BREACHED }
  }
}
