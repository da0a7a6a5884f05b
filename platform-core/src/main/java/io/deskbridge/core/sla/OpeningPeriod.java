package io.deskbridge.core.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;

/**
 * One stretch of a weekday when support is open, in the tenant's local time: Monday 09:00–13:00.
 *
 * <p>A period never crosses midnight. An end of 00:00 means midnight at the end of the day (24:00),
 * so Monday 00:00–00:00 is all of Monday and Monday 18:00–00:00 runs to Tuesday's first instant; a
 * night shift is two periods (Monday 22:00–00:00, Tuesday 00:00–06:00). We chose 00:00 over
 * {@code LocalTime.MAX} because it is how people write it and it loses no nanosecond at midnight.
 *
 * <p>The record itself accepts any values, so that {@link BusinessHours#of} can report every bad
 * period of a request with its index ({@code periods[2]}); a period inside a {@link BusinessHours}
 * always ends after it starts.
 */
public record OpeningPeriod(DayOfWeek day, LocalTime from, LocalTime to) {

  private static final long DAY_NANOS = 24L * 60 * 60 * 1_000_000_000L;

  static final Comparator<OpeningPeriod> BY_DAY_AND_START =
      Comparator.comparing(OpeningPeriod::day).thenComparing(OpeningPeriod::from);

  /** The whole day, 00:00 to 24:00. */
  public static OpeningPeriod allDay(DayOfWeek day) {
    return new OpeningPeriod(day, LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
  }

  public boolean endsAtMidnight() {
    return LocalTime.MIDNIGHT.equals(to);
  }

  /** True when the period holds no time: it does not end after it starts. */
  public boolean isEmpty() {
    return startNanos() >= endNanos();
  }

  /** Same day and sharing some time; periods that only touch (13:00 and 13:00) do not overlap. */
  public boolean overlaps(OpeningPeriod other) {
    return day == other.day && startNanos() < other.endNanos() && other.startNanos() < endNanos();
  }

  /**
   * Where the period starts on that date. A local time in a DST gap moves forward by the gap, as
   * {@link java.time.ZonedDateTime#of} does; in an overlap the earlier offset is used.
   */
  Instant startOn(LocalDate date, ZoneId zone) {
    return date.atTime(from).atZone(zone).toInstant();
  }

  Instant endOn(LocalDate date, ZoneId zone) {
    return endsAtMidnight()
        ? date.plusDays(1).atStartOfDay(zone).toInstant()
        : date.atTime(to).atZone(zone).toInstant();
  }

  private long startNanos() {
    return from.toNanoOfDay();
  }

  private long endNanos() {
    return endsAtMidnight() ? DAY_NANOS : to.toNanoOfDay();
  }
}
