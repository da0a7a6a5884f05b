package io.deskbridge.core.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A calendar's open time as real instants, one day at a time. Every calculation of
 * {@link BusinessHours} goes through here, so it moves period by period and its cost depends on the
 * number of days spanned, never on the number of minutes.
 */
final class OpenIntervals {

  private final ZoneId zone;
  private final Map<DayOfWeek, List<OpeningPeriod>> periodsByDay = new EnumMap<>(DayOfWeek.class);
  private final BusinessHours hours;

  OpenIntervals(BusinessHours hours) {
    this.hours = hours;
    this.zone = hours.zone();
    for (OpeningPeriod period : hours.periods()) {
      periodsByDay.computeIfAbsent(period.day(), d -> new ArrayList<>()).add(period);
    }
  }

  /** The open intervals of that local date, in order; none on a holiday or a closed weekday. */
  List<OpenInterval> on(LocalDate date) {
    if (hours.holidays().contains(date)) {
      return List.of();
    }
    List<OpenInterval> open = new ArrayList<>(2);
    Instant previousEnd = null;
    for (OpeningPeriod period : periodsByDay.getOrDefault(date.getDayOfWeek(), List.of())) {
      Instant start = period.startOn(date, zone);
      Instant end = period.endOn(date, zone);
      // A DST gap moves a local end forward by an hour, which can push it past the next
      // period's start; clipping keeps the day's intervals disjoint so nothing counts twice.
      if (previousEnd != null && start.isBefore(previousEnd)) {
        start = previousEnd;
      }
      if (start.isBefore(end)) {
        open.add(new OpenInterval(start, end));
        previousEnd = end;
      }
    }
    return open;
  }

  /**
   * The open intervals from {@code from} onwards, the first one clipped to start at it. Endless:
   * with at least one weekly period and finitely many holidays, another opening always comes.
   *
   * @throws IllegalStateException if the calendar has no periods at all, instead of looping forever
   */
  Walk from(Instant from) {
    requireOpenTime(hours);
    return new Walk(from);
  }

  /** Searching forward for open time in a calendar without periods would never end. */
  static void requireOpenTime(BusinessHours hours) {
    if (!hours.hasOpenTime()) {
      throw new IllegalStateException("The business hours in " + hours.zone() + " have no opening"
          + " periods, so there is no open time to count business time in; add at least one period.");
    }
  }

  final class Walk {

    private final Instant from;
    // The day before, because an interval of the previous date may end after midnight when a
    // DST gap shifts its end.
    private LocalDate nextDate;
    private final Deque<OpenInterval> pending = new ArrayDeque<>();

    private Walk(Instant from) {
      this.from = from;
      this.nextDate = LocalDate.ofInstant(from, zone).minusDays(1);
    }

    OpenInterval next() {
      while (pending.isEmpty()) {
        for (OpenInterval interval : on(nextDate)) {
          if (interval.end().isAfter(from)) {
            pending.add(interval.start().isBefore(from) ? new OpenInterval(from, interval.end()) : interval);
          }
        }
        nextDate = nextDate.plusDays(1);
      }
      return pending.poll();
    }
  }
}
