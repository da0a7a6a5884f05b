package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.sla.ConversationTimeline.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Computes a conversation's SLA timers under one tenant's policy and calendar; pure, so the same
 * timeline and instant always give the same answer.
 *
 * <ul>
 *   <li>FIRST_REPLY runs from the customer's first message to the first agent public reply at or
 *       after it.
 *   <li>NEXT_REPLY runs from the first customer message after an agent reply to the next agent
 *       reply; only the latest such cycle is reported. Messages before the first reply belong to
 *       FIRST_REPLY.
 *   <li>RESOLUTION runs from creation to the close. It stands still in the policy's paused statuses,
 *       and while the conversation sat closed before a reopening.
 * </ul>
 *
 * Closing stops every timer: a reply timer still waiting at the close ends there, met or breached
 * against its due instant. Entries after {@code now} are ignored.
 */
public final class SlaClock {

  private final SlaPolicy policy;
  private final BusinessHours hours;

  public SlaClock(SlaPolicy policy, BusinessHours hours) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.hours = Objects.requireNonNull(hours, "hours");
  }

  /**
   * @throws IllegalStateException if the policy counts business time and the calendar has none
   */
  public SlaTimers timers(ConversationTimeline timeline, Instant now) {
    ConversationTimeline known = timeline.asOf(now);
    List<SlaTimer> timers = new ArrayList<>(3);
    firstReplyWindow(known).ifPresent(
        window -> timers.add(countdown(SlaTarget.FIRST_REPLY).evaluate(window, List.of(), now)));
    nextReplyWindow(known).ifPresent(
        window -> timers.add(countdown(SlaTarget.NEXT_REPLY).evaluate(window, List.of(), now)));
    Span resolution = new Span(known.createdAt(), known.closedAt());
    timers.add(countdown(SlaTarget.RESOLUTION).evaluate(resolution, pauses(known), now));
    return new SlaTimers(timers, now);
  }

  /** When a running timer next warns or breaches; see {@link SlaTimers#nextDeadline}. */
  public Optional<Instant> nextDeadline(ConversationTimeline timeline, Instant now) {
    return timers(timeline, now).nextDeadline();
  }

  private Countdown countdown(SlaTarget target) {
    return new Countdown(target, policy.target(target), policy.warnAtShare(), hours);
  }

  private static Optional<Span> firstReplyWindow(ConversationTimeline timeline) {
    if (timeline.customerMessages().isEmpty()) {
      return Optional.empty();
    }
    Instant firstMessage = timeline.customerMessages().get(0);
    return Optional.of(new Span(firstMessage, stopAfter(timeline, firstMessage)));
  }

  private static Optional<Span> nextReplyWindow(ConversationTimeline timeline) {
    List<Instant> messages = timeline.customerMessages();
    if (messages.isEmpty()) {
      return Optional.empty();
    }
    Instant firstMessage = messages.get(0);
    Instant lastMessage = messages.get(messages.size() - 1);
    // The latest reply the customer wrote back to; replies before their first message were outreach.
    Optional<Instant> answeredReply = timeline.agentReplies().stream()
        .filter(reply -> !reply.isBefore(firstMessage) && reply.isBefore(lastMessage))
        .reduce((earlier, later) -> later);
    return answeredReply.map(reply -> {
      Instant start = messages.stream().filter(message -> message.isAfter(reply)).findFirst().orElseThrow();
      return new Span(start, stopAfter(timeline, start));
    });
  }

  /** The first agent reply at or after {@code start}, else the close, else null (still waiting). */
  private static Instant stopAfter(ConversationTimeline timeline, Instant start) {
    return timeline.agentReplies().stream()
        .filter(reply -> !reply.isBefore(start))
        .findFirst()
        .orElse(timeline.closedAt());
  }

  /** Stretches in a paused status or closed; the conversation starts OPEN at its creation. */
  private List<Span> pauses(ConversationTimeline timeline) {
    List<Span> pauses = new ArrayList<>();
    Instant pausedSince = stopsResolution(ConversationStatus.OPEN) ? timeline.createdAt() : null;
    for (StatusChange change : timeline.statusChanges()) {
      boolean pausing = stopsResolution(change.status());
      if (pausing && pausedSince == null) {
        pausedSince = change.from();
      } else if (!pausing && pausedSince != null) {
        pauses.add(new Span(pausedSince, change.from()));
        pausedSince = null;
      }
    }
    if (pausedSince != null) {
      pauses.add(new Span(pausedSince, null));
    }
    return pauses;
  }

  private boolean stopsResolution(ConversationStatus status) {
    return status == ConversationStatus.CLOSED || policy.pausesIn(status);
  }
}
