package io.deskbridge.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One SLA timer of a conversation as evaluated at an instant.
 *
 * <ul>
 *   <li>{@code dueAt}: when the target falls due, moved later by paused time; null while the timer
 *       is paused before using up its target (or stopped while so paused), because the deadline
 *       then depends on when it resumes.
 *   <li>{@code warnAt}: when the policy's warning share of the target has been used; null likewise.
 *   <li>{@code remaining}: the target's time left at the evaluation instant (or at the stop), in the
 *       target's measure: business time for business units. Negative means overdue by that much; it
 *       can be zero while BREACHED when the due instant passed outside business hours.
 *   <li>{@code stoppedAt}: when the reply (or the close) stopped the timer; null while it runs or pauses.
 * </ul>
 *
 * <p>A reply after the due instant leaves the timer BREACHED with {@code stoppedAt} set, so MET always
 * means on time and a breach, once reported, is never contradicted by a later evaluation.
 */
public record SlaTimer(SlaTarget target, Instant startedAt, Instant dueAt, Instant warnAt, Duration remaining,
    SlaState state, Instant stoppedAt) {

  /** The clock is counting: neither stopped nor paused (a running timer may already be BREACHED). */
  public boolean isRunning() {
    return stoppedAt == null && state != SlaState.PAUSED;
  }

  /** True when the stopping event came after the due instant. */
  public boolean wasMetLate() {
    return stoppedAt != null && state == SlaState.BREACHED;
  }

  /**
   * The next instant at which this timer's state changes by itself: the warning instant while still
   * ahead, else the due instant until it has passed (it can equal {@code now} at the exact due
   * instant, since the breach shows from the next instant on). Empty for stopped, paused and breached
   * timers, which change only when something happens in the conversation.
   */
  Optional<Instant> nextDeadline(Instant now) {
    if (!isRunning() || state == SlaState.BREACHED) {
      return Optional.empty();
    }
    // warnAt never comes after dueAt, so a warning still ahead is the earlier of the two.
    if (warnAt.isAfter(now)) {
      return Optional.of(warnAt);
    }
    return dueAt.isBefore(now) ? Optional.empty() : Optional.of(dueAt);
  }
}
