package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static io.deskbridge.core.sla.Calendars.period;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.SUNDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An admin learns every bad opening period of a calendar at once, by its position. */
class BusinessHoursValidationTest {

  private static List<String> failingFields(List<OpeningPeriod> periods) {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> BusinessHours.of(MOSCOW, periods, Set.of()));
    return e.errors().stream().map(FieldError::field).toList();
  }

  @Test
  void overlappingPeriodIsReportedByItsIndex() {
    List<String> fields = failingFields(List.of(
        period(MONDAY, "09:00", "13:00"),
        period(TUESDAY, "09:00", "18:00"),
        period(MONDAY, "12:00", "15:00")));

    assertEquals(List.of("periods[2]"), fields);
  }

  @Test
  void overlapMessageNamesTheEarlierPeriod() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> BusinessHours.of(MOSCOW,
        List.of(period(MONDAY, "09:00", "13:00"), period(MONDAY, "10:00", "11:00")), Set.of()));

    assertEquals(List.of(new FieldError("periods[1]", "overlaps periods[0]")), e.errors());
  }

  @Test
  void emptyAndBackwardsPeriodsAreRefused() {
    assertEquals(List.of("periods[1]", "periods[2]"), failingFields(List.of(
        period(MONDAY, "09:00", "13:00"),
        period(TUESDAY, "10:00", "10:00"),
        period(TUESDAY, "18:00", "09:00"))));
  }

  @Test
  void everyBadPeriodIsReportedInOneRoundTrip() {
    List<OpeningPeriod> periods = new ArrayList<>(List.of(
        period(MONDAY, "09:00", "18:00"),
        period(MONDAY, "17:00", "19:00"),
        period(TUESDAY, "12:00", "11:00")));
    periods.add(null);
    periods.add(new OpeningPeriod(TUESDAY, null, LocalTime.NOON));

    assertEquals(List.of("periods[1]", "periods[2]", "periods[3]", "periods[4]"), failingFields(periods));
  }

  @Test
  void touchingPeriodsAndAnEndOfMidnightAreAccepted() {
    BusinessHours hours = BusinessHours.of(MOSCOW, List.of(
        period(MONDAY, "09:00", "13:00"),
        period(MONDAY, "13:00", "18:00"),
        period(MONDAY, "18:00", "00:00"),
        OpeningPeriod.allDay(SUNDAY)), Set.of());

    assertEquals(4, hours.periods().size());
  }

  @Test
  void anEndOfMidnightIsTheEndOfTheDayNotItsStart() {
    assertFalse(period(MONDAY, "22:00", "00:00").isEmpty());
    assertTrue(period(MONDAY, "22:00", "00:00").overlaps(period(MONDAY, "23:00", "23:30")));
    assertFalse(OpeningPeriod.allDay(MONDAY).isEmpty());
  }

  @Test
  void periodsAreKeptInWeekOrder() {
    BusinessHours hours = BusinessHours.of(MOSCOW, List.of(
        period(TUESDAY, "14:00", "18:00"),
        period(MONDAY, "14:00", "18:00"),
        period(TUESDAY, "09:00", "13:00")), Set.of());

    assertEquals(List.of(
        period(MONDAY, "14:00", "18:00"),
        period(TUESDAY, "09:00", "13:00"),
        period(TUESDAY, "14:00", "18:00")), hours.periods());
  }

  @Test
  void zonePeriodsAndHolidaysAreRequired() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> BusinessHours.of(null, null, null));

    assertEquals(List.of("zone", "periods", "holidays"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void anEmptyHolidayIsRefused() {
    Set<LocalDate> holidays = new HashSet<>(Arrays.asList(LocalDate.of(2025, 1, 1), null));

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> BusinessHours.of(MOSCOW, List.of(period(MONDAY, "09:00", "18:00")), holidays));

    assertEquals("holidays", e.errors().get(0).field());
  }

  @Test
  void theCalendarKeepsItsOwnCopies() {
    List<OpeningPeriod> periods = new ArrayList<>(List.of(period(MONDAY, "09:00", "18:00")));
    Set<LocalDate> holidays = new HashSet<>(Set.of(LocalDate.of(2025, 1, 1)));
    BusinessHours hours = BusinessHours.of(MOSCOW, periods, holidays);

    periods.add(period(TUESDAY, "09:00", "18:00"));
    holidays.clear();

    assertEquals(1, hours.periods().size());
    assertEquals(Set.of(LocalDate.of(2025, 1, 1)), hours.holidays());
    assertThrows(UnsupportedOperationException.class, () -> hours.periods().clear());
  }
}
