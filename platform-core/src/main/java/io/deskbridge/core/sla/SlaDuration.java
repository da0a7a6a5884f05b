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
  private static final Pattern BUSINESS = Pattern.compile("(\\d{1,9})\\s+BUSINESS\\s+(HOUR|DAY)S?");

  public SlaDuration {
    Validation validation = new Validation().required("unit", unit);
    if (unit != null) {
      problemWith(amount, unit).ifPresent(message -> validation.check(false, "amount", message));
    }
    validation.orThrow();
  }

  public static SlaDuration seconds(long amount) {
    return new SlaDuration(amount, SlaUnit.SECONDS);
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
   * A target as an admin writes it: ISO-8601 for wall-clock time ({@code PT30M} is 30 minutes,
   * {@code PT2H} 2 hours, {@code PT1H30M} 90 minutes, {@code PT20S} 20 seconds, {@code P2D} 2
   * calendar days), and, since business units have no ISO form, {@code "4 business hours"} or
   * {@code "7 business days"}. {@link #text()} gives the same form back.
   *
   * @throws InvalidInputException on {@code field} for text that is none of these, not a positive
   *     whole number of seconds, or more than a year
   */
  public static SlaDuration parse(String field, String iso) {
    if (iso == null || iso.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    String text = iso.strip().toUpperCase(Locale.ROOT);
    Matcher business = BUSINESS.matcher(text);
    if (business.matches()) {
      SlaUnit unit = business.group(2).equals("HOUR") ? SlaUnit.BUSINESS_HOURS : SlaUnit.BUSINESS_DAYS;
      return checked(field, Long.parseLong(business.group(1)), unit);
    }
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
      throw new InvalidInputException(field,
          "must be an ISO-8601 duration such as PT30M, PT4H or P2D, or \"4 business hours\" / \"2 business days\"");
    }
    if (duration.toNanosPart() != 0) {
      throw new InvalidInputException(field, "must be a whole number of seconds");
    }
    if (duration.toSecondsPart() != 0) {
      return checked(field, duration.getSeconds(), SlaUnit.SECONDS);
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

  /** The form {@link #parse} reads: {@code PT30M}, {@code PT2H}, {@code P2D}, {@code 4 business hours}. */
  public String text() {
    return switch (unit) {
      case SECONDS -> "PT" + amount + "S";
      case MINUTES -> "PT" + amount + "M";
      case HOURS -> "PT" + amount + "H";
      case CALENDAR_DAYS -> "P" + amount + "D";
      case BUSINESS_HOURS -> amount + (amount == 1 ? " business hour" : " business hours");
      case BUSINESS_DAYS -> amount + (amount == 1 ? " business day" : " business days");
    };
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
      case SECONDS -> start.plus(Duration.ofSeconds(amount));
      case MINUTES -> start.plus(Duration.ofMinutes(amount));
      case HOURS -> start.plus(Duration.ofHours(amount));
      case CALENDAR_DAYS -> start.atZone(hours.zone()).plusDays(amount).toInstant();
      case BUSINESS_HOURS -> hours.plus(start, Duration.ofHours(amount));
      case BUSINESS_DAYS -> hours.plusBusinessDays(start, Math.toIntExact(amount));
    };
  }
}
