package io.deskbridge.core.sla;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Calendars the SLA tests share; built fresh on every call, so no test sees another's state. */
final class Calendars {

  static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");
  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

  /** Victory Day (a Friday) and Russia Day (a Thursday) in 2025. */
  static final LocalDate VICTORY_DAY = LocalDate.of(2025, 5, 9);
  static final LocalDate RUSSIA_DAY = LocalDate.of(2025, 6, 12);

  static final List<DayOfWeek> WEEKDAYS = List.of(MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY);

  private Calendars() {}

  /** Moscow, Monday to Friday 09:00–13:00 and 14:00–18:00, two holidays. */
  static BusinessHours moscowOffice() {
    List<OpeningPeriod> periods = new ArrayList<>();
    for (DayOfWeek day : WEEKDAYS) {
      periods.add(period(day, "09:00", "13:00"));
      periods.add(period(day, "14:00", "18:00"));
    }
    return BusinessHours.of(MOSCOW, periods, Set.of(VICTORY_DAY, RUSSIA_DAY));
  }

  /** Monday to Friday, one period a day, no holidays. */
  static BusinessHours weekdays(ZoneId zone, String from, String to) {
    return BusinessHours.of(zone, WEEKDAYS.stream().map(day -> period(day, from, to)).toList(), Set.of());
  }

  static OpeningPeriod period(DayOfWeek day, String from, String to) {
    return new OpeningPeriod(day, LocalTime.parse(from), LocalTime.parse(to));
  }

  static Instant moscow(String localDateTime) {
    return local(localDateTime, MOSCOW);
  }

  static Instant local(String localDateTime, ZoneId zone) {
    return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
  }
}
