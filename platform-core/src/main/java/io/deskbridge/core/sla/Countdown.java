package io.deskbridge.core.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts one target down over the stretches in which its clock runs. The allowance is measured like
 * the target (business time for business units), so an hour paused overnight costs a business-hours
 * target nothing, and a pause moves the due instant later by exactly the running time it withheld.
 */
final class Countdown {

  private final SlaTarget target;
  private final SlaDuration allowed;
  private final double warnAtShare;
  private final BusinessHours hours;
  private final TimeMeasure measure;

  Countdown(SlaTarget target, SlaDuration allowed, double warnAtShare, BusinessHours hours) {
    this.target = target;
    this.allowed = allowed;
    this.warnAtShare = warnAtShare;
    this.hours = hours;
    this.measure = allowed.unit().measure();
  }

  /**
   * @param window from the start event until the stopping event, or open while waiting
   * @param pauses stretches in which the clock stands still, in order and disjoint
   */
  SlaTimer evaluate(Span window, List<Span> pauses, Instant now) {
    Instant start = window.from();
    List<Span> running = running(start, pausesBefore(window, pauses));
    Instant plannedDue = allowed.dueFrom(start, hours);
    Duration allowance = measure.between(hours, start, plannedDue);
    Instant dueAt = dueAt(running, start, plannedDue, allowance);
    Instant warnAt = reach(running, Duration.ofNanos(Math.round(allowance.toNanos() * warnAtShare)));
    Instant end = window.lasts() ? now : window.until();
    Duration remaining = allowance.minus(spent(running, end));
    SlaState state = state(window, dueAt, warnAt, now);
    return new SlaTimer(target, start, dueAt, warnAt, remaining, state, window.until());
  }

  private Instant dueAt(List<Span> running, Instant start, Instant plannedDue, Duration allowance) {
    boolean unpausedUntilDue = !running.isEmpty()
        && running.get(0).from().equals(start)
        && running.get(0).reachesTo(plannedDue);
    // Unpaused, the due instant is exactly what the duration says: for business days that is
    // "Wednesday 09:00", which counting open time alone would place at Tuesday 18:00.
    return unpausedUntilDue ? plannedDue : reach(running, allowance);
  }

  /**
   * A pause that began when the timer had already stopped (the CLOSED status of the close itself)
   * does not concern it; keeping it would hide the due instant of a timer that was met.
   */
  private static List<Span> pausesBefore(Span window, List<Span> pauses) {
    return window.lasts()
        ? pauses
        : pauses.stream().filter(pause -> pause.from().isBefore(window.until())).toList();
  }

  /** The stretches from {@code start} on outside every pause; the last one lasts unless paused now. */
  private static List<Span> running(Instant start, List<Span> pauses) {
    List<Span> running = new ArrayList<>();
    Instant from = start;
    for (Span pause : pauses) {
      if (!pause.lasts() && !pause.until().isAfter(from)) {
        continue; // over before the clock started
      }
      if (pause.from().isAfter(from)) {
        running.add(new Span(from, pause.from()));
      }
      if (pause.lasts()) {
        return running;
      }
      from = pause.until();
    }
    running.add(new Span(from, null));
    return running;
  }

  /** When {@code amount} of running time has passed; null if the clock pauses for good before. */
  private Instant reach(List<Span> running, Duration amount) {
    Duration left = amount;
    for (Span span : running) {
      if (span.lasts()) {
        return measure.plus(hours, span.from(), left);
      }
      Duration length = measure.between(hours, span.from(), span.until());
      if (left.compareTo(length) <= 0) {
        return measure.plus(hours, span.from(), left);
      }
      left = left.minus(length);
    }
    return null;
  }

  private Duration spent(List<Span> running, Instant end) {
    Duration spent = Duration.ZERO;
    for (Span span : running) {
      if (!span.from().isBefore(end)) {
        break;
      }
      Instant until = span.lasts() || span.until().isAfter(end) ? end : span.until();
      spent = spent.plus(measure.between(hours, span.from(), until));
    }
    return spent;
  }

  private static SlaState state(Span window, Instant dueAt, Instant warnAt, Instant now) {
    if (!window.lasts()) {
      // Stopped while paused with allowance left (dueAt null) was on time too.
      return dueAt == null || !window.until().isAfter(dueAt) ? SlaState.MET : SlaState.BREACHED;
    }
    if (dueAt == null) {
      return SlaState.PAUSED;
    }
    if (now.isAfter(dueAt)) {
      return SlaState.BREACHED;
    }
    return now.isBefore(warnAt) ? SlaState.ON_TRACK : SlaState.AT_RISK;
  }
}
