package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static io.deskbridge.core.sla.Calendars.period;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.WEDNESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Within 2 business days" (handbook 003): the same time of day that many open days later, or the
 * end of that day when the office is closed at that time. 2025-03-03 is a Monday.
 */
class BusinessDaysTest {

  private final BusinessHours office = moscowOffice();

  @Test
  void keepsTheTimeOfDay() {
    assertEquals(moscow("2025-03-05T11:00"), office.plusBusinessDays(moscow("2025-03-03T11:00"), 2));
  }

  @Test
  void skipsTheWeekend() {
    assertEquals(moscow("2025-03-10T11:00"), office.plusBusinessDays(moscow("2025-03-06T11:00"), 2));
  }

  @Test
  void skipsAHoliday() {
    assertEquals(moscow("2025-05-12T11:00"), office.plusBusinessDays(moscow("2025-05-08T11:00"), 1));
  }

  @Test
  void afterClosingTheDueIsTheEndOfTheLastDay() {
    assertEquals(moscow("2025-03-05T18:00"), office.plusBusinessDays(moscow("2025-03-03T20:00"), 2));
  }

  @Test
  void beforeOpeningTheDueIsTheEndOfTheLastDay() {
    assertEquals(moscow("2025-03-04T18:00"), office.plusBusinessDays(moscow("2025-03-03T07:00"), 1));
  }

  @Test
  void duringLunchTheDueIsTheEndOfTheLastDay() {
    assertEquals(moscow("2025-03-04T18:00"), office.plusBusinessDays(moscow("2025-03-03T13:30"), 1));
  }

  @Test
  void aStartOnTheWeekendCountsFromMonday() {
    assertEquals(moscow("2025-03-10T10:00"), office.plusBusinessDays(moscow("2025-03-08T10:00"), 1));
  }

  @Test
  void aWeekdayWithoutPeriodsIsNotABusinessDay() {
    BusinessHours mondaysAndWednesdays = BusinessHours.of(MOSCOW,
        List.of(period(MONDAY, "09:00", "18:00"), period(WEDNESDAY, "09:00", "18:00")), Set.of());

    assertEquals(moscow("2025-03-05T10:00"), mondaysAndWednesdays.plusBusinessDays(moscow("2025-03-03T10:00"), 1));
    assertEquals(moscow("2025-03-10T10:00"), mondaysAndWednesdays.plusBusinessDays(moscow("2025-03-03T10:00"), 2));
  }

  @Test
  void sevenBusinessDaysSpanTheWeekends() {
    assertEquals(moscow("2025-03-12T11:00"), office.plusBusinessDays(moscow("2025-03-03T11:00"), 7));
  }

  @Test
  void zeroDaysIsTheStart() {
    Instant start = moscow("2025-03-08T10:00");

    assertEquals(start, office.plusBusinessDays(start, 0));
  }

  @Test
  void negativeDaysAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> office.plusBusinessDays(moscow("2025-03-03T10:00"), -1));
  }

  @Test
  void aCalendarWithoutOpenTimeHasNoBusinessDays() {
    BusinessHours closed = BusinessHours.of(MOSCOW, List.of(), Set.of());

    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
        IllegalStateException.class, () -> closed.plusBusinessDays(moscow("2025-03-03T10:00"), 1)));
  }
}
