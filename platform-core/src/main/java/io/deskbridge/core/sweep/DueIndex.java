package io.deskbridge.core.sweep;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.sla.SlaTarget;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The index of when each conversation needs the sweeper next, and the SLA alerts already sent. */
public interface DueIndex {

  /** Up to {@code limit} conversation ids due at {@code now}, the longest overdue first. */
  List<Long> due(Instant now, int limit);

  /**
   * Those of the conversations that are still due, row-locked until the transaction ends. One that
   * another transaction holds is left out rather than waited for: another instance is checking it,
   * or an agent is changing it, and it stays due for a later round. So two sweepers never wait on
   * each other, and never check a conversation twice.
   */
  List<Conversation> lockDue(Collection<Long> ids, Instant now);

  /** Moves the next check without changing the conversation (no new version for its readers). */
  void reschedule(long id, Instant next);

  /** {@link #reschedule(long, Instant)} of several conversations in one statement. */
  void reschedule(List<NextCheck> next);

  /** The alerts already sent for each of the conversations (an empty set when none). */
  Map<Long, Set<Alert>> alertsSent(Collection<Long> conversationIds);

  void recordAlerts(List<SentAlert> alerts, Instant at);

  /** One warning or breach of one timer cycle. */
  record Alert(SlaTarget target, Instant startedAt, Kind kind) {

    public enum Kind { WARNED, BREACHED }
  }

  /** An alert of one conversation. */
  record SentAlert(long conversationId, Alert alert) {}

  /** When a conversation is due next; {@code at} null when nothing can fall due until someone acts. */
  record NextCheck(long conversationId, Instant at) {}
}
