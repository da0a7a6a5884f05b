package io.deskbridge.core.sla;

import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.Validation;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How long an SLA target allows: an amount of a {@link SlaUnit}, such as 30 minutes or 4 business
 * hours. Guarantees an amount of at least 1 and at most the unit's {@link SlaUnit#maxAmount()}.
 */
public record SlaDuration(long amount, SlaUnit unit) {

  private static final Pattern WHOLE_DAYS = Pattern.compile("P(\\d{1,9})D");

  public SlaDuration {
    Validation validation = new Validation().required("unit", unit);
    if (unit != null) {
      problemWith(amount, unit).ifPresent(message -> validation.check(false, "amount", message));
    }
    validation.orThrow();
  }

  public static SlaDuration minutes(long amount) {
    return new SlaDuration(amount, SlaUnit.MINUTES);
  }

  public static SlaDuration hours(long amount) {
    return new SlaDuration(amount, SlaUnit.HOURS);
  }

  public static SlaDuration businessHours(long amount) {
    return new SlaDuration(amount, SlaUnit.BUSINESS_HOURS);
  }

  public static SlaDuration businessDays(long amount) {
    return new SlaDuration(amount, SlaUnit.BUSINESS_DAYS);
  }

  public static SlaDuration calendarDays(long amount) {
    return new SlaDuration(amount, SlaUnit.CALENDAR_DAYS);
  }

  /** {@link #parse(String, String)} reporting errors against the field {@code duration}. */
  public static SlaDuration parse(String iso) {
    return parse("duration", iso);
  }

  /**
   * A wall-clock target from ISO-8601: {@code PT30M} is 30 minutes, {@code PT2H} 2 hours,
   * {@code PT1H30M} 90 minutes, {@code P2D} 2 calendar days. Business units have no ISO form; build
   * them with {@link #businessHours} and {@link #businessDays}.
   *
   * @throws InvalidInputException on {@code field} for text that is not a positive whole number of
   *     minutes, or more than a year
   */
  public static SlaDuration parse(String field, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String text = iso.strip().toUpperCase(Locale.ROOT);
    Matcher days = WHOLE_DAYS.matcher(text);
    return days.matches()
        ? checked(field, Long.parseLong(days.group(1)), SlaUnit.CALENDAR_DAYS)
        : fromWallClock(field, text);
  }

  private static SlaDuration fromWallClock(String field, String text) {
    Duration duration;
    try {
      duration = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(field, "must be an ISO-8601 duration such as PT30M, PT4H or P2D");
    }
    if (duration.toSecondsPart() != 0 || duration.toNanosPart() != 0) {
      throw new InvalidInputException(field, "must be a whole number of minutes");
    }
    long minutes = duration.toMinutes();
    return minutes > 0 && minutes % 60 == 0
        ? checked(field, minutes / 60, SlaUnit.HOURS)
        : checked(field, minutes, SlaUnit.MINUTES);
  }

  private static SlaDuration checked(String field, long amount, SlaUnit unit) {
    problemWith(amount, unit).ifPresent(message -> {
      throw new InvalidInputException(field, message);
    });
    return new SlaDuration(amount, unit);
  }

  private static Optional<String> problemWith(long amount, SlaUnit unit) {
    if (amount < 1) {
      return Optional.of("must be more than zero");
    }
    if (amount > unit.maxAmount()) {
      return Optional.of("must be at most a year (" + unit.maxAmount() + " " + unit + ")");
    }
    return Optional.empty();
  }

  public boolean isBusinessTime() {
    return unit.isBusinessTime();
  }

  /**
   * When a target started at {@code start} falls due. Minutes and hours ignore the calendar; calendar
   * days keep the local time of day in the calendar's zone (so a DST night makes a day 23 or 25
   * hours); business hours count open time; business days follow
   * {@link BusinessHours#plusBusinessDays}.
   *
   * @throws IllegalStateException for a business unit on a calendar without open time
   */
  public Instant dueFrom(Instant start, BusinessHours hours) {
    return switch (unit) {
      case MINUTES -> start.plus(Duration.ofMinutes(amount));
      case HOURS -> start.plus(Duration.ofHours(amount));
      case CALENDAR_DAYS -> start.atZone(hours.zone()).plusDays(amount).toInstant();
      case BUSINESS_HOURS -> hours.plus(start, Duration.ofHours(amount));
      case BUSINESS_DAYS -> hours.plusBusinessDays(start, Math.toIntExact(amount));
    };
  }
}
