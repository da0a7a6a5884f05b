package io.deskbridge.web.api.rules;

import io.deskbridge.core.shared.InvalidInputException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.function.Function;

/** Reads the text forms of the rules API (ISO durations, zones, dates, times) into values, per field. */
final class TextValues {

  private TextValues() {}

  static Duration duration(String field, String text) {
    return parse(field, text, Duration::parse, "must be an ISO-8601 duration such as PT10M or P7D");
  }

  static ZoneId zone(String field, String text) {
    return parse(field, text, ZoneId::of, "must be a time zone such as Europe/Moscow");
  }

  static LocalDate date(String field, String text) {
    return parse(field, text, LocalDate::parse, "must be a date such as 2026-01-01");
  }

  static LocalTime time(String field, String text) {
    return parse(field, text, LocalTime::parse, "must be a time such as 09:00 (00:00 as an end means midnight)");
  }

  private static <T> T parse(String field, String text, Function<String, T> parser, String expected) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    try {
      return parser.apply(text.strip());
    } catch (DateTimeException | ArithmeticException e) {
      throw new InvalidInputException(field, expected);
    }
  }
}
