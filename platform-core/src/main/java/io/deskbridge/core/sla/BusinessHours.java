package io.deskbridge.core.sla;

import io.deskbridge.core.shared.Validation;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A tenant's working calendar: weekly opening periods in its time zone, and holidays closed all day.
 * SLA targets in business units ("≤ 4 business hours", "≤ 2 business days", handbook 003) count only
 * the open time it describes.
 *
 * <p>Guarantees: every period ends after it starts, no two periods overlap (touching is fine:
 * 09:00–13:00 and 13:00–18:00), and periods are sorted by day and start. Open time is real elapsed
 * time: across a DST change an open day 00:00–24:00 lasts 23 or 25 hours, and a period starting or
 * ending in a DST gap moves forward by the gap. Calculations jump from period to period.
 *
 * <p>A calendar without periods is valid (an admin may save a calendar before filling it in) but
 * holds no open time: {@link #isOpen} is false, {@link #between} is zero, and {@link #plus} and
 * {@link #plusBusinessDays} throw {@link IllegalStateException}. Check {@link #hasOpenTime()} first.
 */
public record BusinessHours(ZoneId zone, List<OpeningPeriod> periods, Set<LocalDate> holidays) {

  /** Validates, then keeps sorted unmodifiable copies. Prefer {@link #of}, which reads better. */
  public BusinessHours {
    Validation validation = new Validation()
        .required("zone", zone)
        .required("periods", periods)
        .required("holidays", holidays);
    if (periods != null) {
      checkPeriods(periods, validation);
    }
    if (holidays != null) {
      validation.check(holidays.stream().noneMatch(Objects::isNull), "holidays",
          "must not contain an empty date");
    }
    validation.orThrow();
    periods = periods.stream().sorted(OpeningPeriod.BY_DAY_AND_START).toList();
    holidays = Set.copyOf(holidays);
  }

  /**
   * A calendar from an admin's input.
   *
   * @throws io.deskbridge.core.shared.InvalidInputException naming every bad field: {@code zone},
   *     {@code periods[i]} for a missing, empty or overlapping period, {@code holidays}
   */
  public static BusinessHours of(ZoneId zone, List<OpeningPeriod> periods, Set<LocalDate> holidays) {
    return new BusinessHours(zone, periods, holidays);
  }

  /** Open around the clock, every day, with no holidays: business time equals wall-clock time. */
  public static BusinessHours alwaysOpen(ZoneId zone) {
    List<OpeningPeriod> everyDay = Arrays.stream(DayOfWeek.values()).map(OpeningPeriod::allDay).toList();
    return new BusinessHours(zone, everyDay, Set.of());
  }

  private static void checkPeriods(List<OpeningPeriod> periods, Validation validation) {
    for (int i = 0; i < periods.size(); i++) {
      OpeningPeriod period = periods.get(i);
      String field = "periods[" + i + "]";
      if (period == null || period.day() == null || period.from() == null || period.to() == null) {
        validation.check(false, field, "needs a day, a start and an end");
      } else if (period.isEmpty()) {
        validation.check(false, field,
            "must end after it starts (an end of 00:00 means midnight at the end of the day)");
      } else {
        for (int j = 0; j < i; j++) {
          OpeningPeriod earlier = periods.get(j);
          if (earlier != null && earlier.day() != null && earlier.from() != null && earlier.to() != null
              && !earlier.isEmpty() && earlier.overlaps(period)) {
            validation.check(false, field, "overlaps periods[" + j + "]");
            break;
          }
        }
      }
    }
  }

  public boolean hasOpenTime() {
    return !periods.isEmpty();
  }

  public boolean isOpen(Instant instant) {
    OpenIntervals open = new OpenIntervals(this);
    LocalDate date = LocalDate.ofInstant(instant, zone);
    // The previous date too: a DST gap can push a period's end past midnight.
    return open.on(date.minusDays(1)).stream().anyMatch(i -> i.contains(instant))
        || open.on(date).stream().anyMatch(i -> i.contains(instant));
  }

  /**
   * The earliest instant by which {@code businessTime} of open time has passed since {@code start}.
   * A start outside hours counts from the next opening; a result that uses up an interval exactly is
   * that interval's end (18:00), not the next opening. Zero returns {@code start}.
   *
   * @throws IllegalStateException if the calendar has no open time
   */
  public Instant plus(Instant start, Duration businessTime) {
    requireNotNegative(businessTime);
    if (businessTime.isZero()) {
      return start;
    }
    Duration left = businessTime;
    OpenIntervals.Walk open = new OpenIntervals(this).from(start);
    while (true) {
      OpenInterval interval = open.next();
      if (left.compareTo(interval.length()) <= 0) {
        return interval.start().plus(left);
      }
      left = left.minus(interval.length());
    }
  }

  /** The open time in [a, b); zero when b is not after a. */
  public Duration between(Instant a, Instant b) {
    if (!b.isAfter(a)) {
      return Duration.ZERO;
    }
    OpenIntervals open = new OpenIntervals(this);
    LocalDate last = LocalDate.ofInstant(b, zone);
    Duration total = Duration.ZERO;
    // From the day before: a DST gap can push a period's end past midnight.
    for (LocalDate date = LocalDate.ofInstant(a, zone).minusDays(1); !date.isAfter(last);
        date = date.plusDays(1)) {
      for (OpenInterval interval : open.on(date)) {
        total = total.plus(interval.overlap(a, b));
      }
    }
    return total;
  }

  /**
   * The same local time of day {@code days} open days after {@code start}'s date. A day counts when
   * it has open time (a weekday with periods that is not a holiday). When the office is closed at
   * that time of the final day, the result is the end of that day's last period: a request that
   * arrived after hours, or before opening, gets the whole final day. Zero returns {@code start}.
   *
   * @throws IllegalStateException if the calendar has no open time
   */
  public Instant plusBusinessDays(Instant start, int days) {
    if (days < 0) {
      throw new IllegalArgumentException("days must not be negative: " + days);
    }
    if (days == 0) {
      return start;
    }
    OpenIntervals.requireOpenTime(this);
    OpenIntervals open = new OpenIntervals(this);
    LocalDateTime local = LocalDateTime.ofInstant(start, zone);
    LocalDate date = local.toLocalDate();
    List<OpenInterval> intervals = List.of();
    for (int counted = 0; counted < days; ) {
      date = date.plusDays(1);
      intervals = open.on(date);
      if (!intervals.isEmpty()) {
        counted++;
      }
    }
    Instant sameTime = date.atTime(local.toLocalTime()).atZone(zone).toInstant();
    boolean isOpenThen = intervals.stream().anyMatch(i -> i.contains(sameTime));
    return isOpenThen ? sameTime : intervals.get(intervals.size() - 1).end();
  }

  private static void requireNotNegative(Duration businessTime) {
    if (businessTime.isNegative()) {
      throw new IllegalArgumentException("business time must not be negative: " + businessTime);
    }
  }
}
