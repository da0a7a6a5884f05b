package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * What the {@link SlaClock} needs to know about one conversation, as instants rather than entities so
 * the clock stays a pure calculation: when it was created, when the customer wrote, when an agent
 * replied publicly (internal notes and system notices do not count), every status change, and when it
 * was closed (null while it is not closed).
 *
 * <p>The conversation starts OPEN at {@code createdAt}; {@code statusChanges} lists every later
 * change, including CLOSED on closing and OPEN on reopening, which the {@code ConversationClosed}
 * and {@code ConversationReopened} events record rather than {@code StatusChanged}. Guarantees: no
 * nulls except {@code closedAt}, and every list is an unmodifiable copy sorted by time.
 */
public record ConversationTimeline(Instant createdAt, List<Instant> customerMessages,
    List<Instant> agentReplies, List<StatusChange> statusChanges, Instant closedAt) {

  /** The conversation entered {@code status} at {@code from}. */
  public record StatusChange(ConversationStatus status, Instant from) {

    public StatusChange {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(from, "from");
    }
  }

  public ConversationTimeline {
    Objects.requireNonNull(createdAt, "createdAt");
    customerMessages = customerMessages.stream().map(Objects::requireNonNull).sorted().toList();
    agentReplies = agentReplies.stream().map(Objects::requireNonNull).sorted().toList();
    // Stable sort: two changes at the same instant keep the order they were given in.
    statusChanges = statusChanges.stream().map(Objects::requireNonNull)
        .sorted(Comparator.comparing(StatusChange::from)).toList();
  }

  /** A new conversation nobody has written in yet. */
  public static ConversationTimeline openedAt(Instant createdAt) {
    return new ConversationTimeline(createdAt, List.of(), List.of(), List.of(), null);
  }

  public ConversationTimeline customerWrote(Instant at) {
    return new ConversationTimeline(
        createdAt, plus(customerMessages, at), agentReplies, statusChanges, closedAt);
  }

  public ConversationTimeline agentReplied(Instant at) {
    return new ConversationTimeline(
        createdAt, customerMessages, plus(agentReplies, at), statusChanges, closedAt);
  }

  /** A status change; moving to CLOSED is {@link #closed}. */
  public ConversationTimeline movedTo(ConversationStatus status, Instant at) {
    if (status == ConversationStatus.CLOSED) {
      return closed(at);
    }
    return new ConversationTimeline(createdAt, customerMessages, agentReplies,
        plus(statusChanges, new StatusChange(status, at)), closedAt);
  }

  public ConversationTimeline closed(Instant at) {
    return new ConversationTimeline(createdAt, customerMessages, agentReplies,
        plus(statusChanges, new StatusChange(ConversationStatus.CLOSED, at)), at);
  }

  public ConversationTimeline reopened(Instant at) {
    return new ConversationTimeline(createdAt, customerMessages, agentReplies,
        plus(statusChanges, new StatusChange(ConversationStatus.OPEN, at)), null);
  }

  /**
   * The timeline as it stood at {@code now}: later entries are not known yet, and nothing after the
   * close counts (a message to a closed conversation starts no timer).
   */
  public ConversationTimeline asOf(Instant now) {
    Instant close = closedAt != null && !closedAt.isAfter(now) ? closedAt : null;
    Instant horizon = close != null ? close : now;
    return new ConversationTimeline(createdAt,
        customerMessages.stream().filter(at -> !at.isAfter(horizon)).toList(),
        agentReplies.stream().filter(at -> !at.isAfter(horizon)).toList(),
        statusChanges.stream().filter(change -> !change.from().isAfter(horizon)).toList(),
        close);
  }

  private static <T> List<T> plus(List<T> list, T element) {
    List<T> copy = new ArrayList<>(list);
    copy.add(element);
    return copy;
  }
}
