package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static io.deskbridge.core.sla.Calendars.period;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Business time counts only a tenant's open hours: two periods a day, no weekends, no holidays.
 * 2025-03-03 is a Monday; 2025-05-09 (a Friday) is a holiday.
 */
class BusinessTimeTest {

  private final BusinessHours office = moscowOffice();

  @Test
  void theLunchBreakDoesNotCount() {
    assertEquals(moscow("2025-03-03T15:00"), office.plus(moscow("2025-03-03T12:00"), Duration.ofHours(2)));
    assertEquals(Duration.ofHours(2), office.between(moscow("2025-03-03T12:00"), moscow("2025-03-03T15:00")));
  }

  @Test
  void startingBeforeOpeningCountsFromTheOpening() {
    assertEquals(moscow("2025-03-03T10:00"), office.plus(moscow("2025-03-03T07:30"), Duration.ofHours(1)));
  }

  @Test
  void startingAfterClosingCountsFromTheNextMorning() {
    assertEquals(moscow("2025-03-04T10:00"), office.plus(moscow("2025-03-03T20:00"), Duration.ofHours(1)));
  }

  @Test
  void startingDuringLunchCountsFromTheAfternoon() {
    assertEquals(moscow("2025-03-03T14:30"), office.plus(moscow("2025-03-03T13:30"), Duration.ofMinutes(30)));
  }

  @Test
  void theWeekendIsSkipped() {
    assertEquals(moscow("2025-03-10T10:00"), office.plus(moscow("2025-03-07T17:00"), Duration.ofHours(2)));
    assertEquals(Duration.ofHours(2), office.between(moscow("2025-03-07T17:00"), moscow("2025-03-10T10:00")));
  }

  @Test
  void aHolidayAndTheWeekendAreSkipped() {
    // Thursday 17:00 + 4 h: one hour on Thursday, Friday is Victory Day, three hours on Monday.
    assertEquals(moscow("2025-05-12T12:00"), office.plus(moscow("2025-05-08T17:00"), Duration.ofHours(4)));
  }

  @Test
  void aHolidayWeekHasOneDayLessOfOpenTime() {
    assertEquals(Duration.ofHours(32), office.between(moscow("2025-05-05T09:00"), moscow("2025-05-12T09:00")));
    assertEquals(Duration.ofHours(40), office.between(moscow("2025-05-12T09:00"), moscow("2025-05-19T09:00")));
  }

  @Test
  void usingUpAPeriodExactlyEndsAtItsEndNotAtTheNextOpening() {
    assertEquals(moscow("2025-03-03T13:00"), office.plus(moscow("2025-03-03T09:00"), Duration.ofHours(4)));
    assertEquals(moscow("2025-03-03T18:00"), office.plus(moscow("2025-03-03T09:00"), Duration.ofHours(8)));
  }

  @Test
  void businessTimeIsCountedToTheNanosecond() {
    Instant start = moscow("2025-03-03T12:59:59.999999999");

    assertEquals(moscow("2025-03-03T14:00:00.000000001"), office.plus(start, Duration.ofNanos(2)));
  }

  @Test
  void betweenUndoesPlus() {
    List<Instant> starts = List.of(moscow("2025-03-03T07:00"), moscow("2025-03-03T12:34:56"),
        moscow("2025-03-07T17:59"), moscow("2025-03-08T11:00"), moscow("2025-05-08T16:00"));
    List<Duration> amounts = List.of(Duration.ofMinutes(1), Duration.ofHours(4), Duration.ofHours(8),
        Duration.ofHours(41).plusMinutes(17), Duration.ofHours(200));

    for (Instant start : starts) {
      for (Duration amount : amounts) {
        assertEquals(amount, office.between(start, office.plus(start, amount)), () -> start + " + " + amount);
      }
    }
  }

  @Test
  void betweenIsHalfOpenAndNeverNegative() {
    Instant nine = moscow("2025-03-03T09:00");

    assertEquals(Duration.ZERO, office.between(nine, nine));
    assertEquals(Duration.ZERO, office.between(moscow("2025-03-03T15:00"), nine));
    assertEquals(Duration.ofMinutes(1), office.between(nine, moscow("2025-03-03T09:01")));
  }

  @Test
  void zeroBusinessTimeIsTheStartEvenWhenClosed() {
    Instant saturday = moscow("2025-03-08T10:00");

    assertEquals(saturday, office.plus(saturday, Duration.ZERO));
  }

  @Test
  void negativeBusinessTimeIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> office.plus(moscow("2025-03-03T10:00"), Duration.ofMinutes(-1)));
  }

  @Test
  void openFromTheFirstInstantOfAPeriodUntilJustBeforeItsEnd() {
    assertTrue(office.isOpen(moscow("2025-03-03T09:00")));
    assertTrue(office.isOpen(moscow("2025-03-03T12:59:59")));
    assertFalse(office.isOpen(moscow("2025-03-03T13:00")));
    assertFalse(office.isOpen(moscow("2025-03-03T13:30")));
    assertTrue(office.isOpen(moscow("2025-03-03T14:00")));
    assertFalse(office.isOpen(moscow("2025-03-03T18:00")));
    assertFalse(office.isOpen(moscow("2025-03-03T08:59:59")));
  }

  @Test
  void closedOnWeekendsAndHolidays() {
    assertFalse(office.isOpen(moscow("2025-03-08T10:00")));
    assertFalse(office.isOpen(moscow("2025-05-09T10:00")));
    assertTrue(office.isOpen(moscow("2025-05-08T10:00")));
  }

  @Test
  void aNightShiftRunsOnAcrossMidnight() {
    BusinessHours nights = BusinessHours.of(MOSCOW,
        List.of(period(MONDAY, "22:00", "00:00"), period(TUESDAY, "00:00", "06:00")), Set.of());

    assertEquals(moscow("2025-03-04T01:00"), nights.plus(moscow("2025-03-03T23:00"), Duration.ofHours(2)));
    assertTrue(nights.isOpen(moscow("2025-03-03T23:59:59")));
    assertTrue(nights.isOpen(moscow("2025-03-04T00:00")));
    assertEquals(Duration.ofHours(8), nights.between(moscow("2025-03-03T00:00"), moscow("2025-03-05T00:00")));
  }

  @Test
  void alwaysOpenCountsWallClockTime() {
    BusinessHours always = BusinessHours.alwaysOpen(MOSCOW);
    Instant saturdayNight = moscow("2025-03-08T23:30");

    assertTrue(always.isOpen(saturdayNight));
    assertEquals(saturdayNight.plus(Duration.ofHours(50)), always.plus(saturdayNight, Duration.ofHours(50)));
    assertEquals(Duration.ofHours(50), always.between(saturdayNight, saturdayNight.plus(Duration.ofHours(50))));
    assertEquals(Set.of(), always.holidays());
  }

  @Test
  void aCalendarWithoutOpenTimeRefusesToAddInsteadOfLoopingForever() {
    BusinessHours closed = BusinessHours.of(MOSCOW, List.of(), Set.of());

    IllegalStateException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(
        IllegalStateException.class, () -> closed.plus(moscow("2025-03-03T10:00"), Duration.ofHours(1))));

    assertTrue(e.getMessage().contains("no opening periods"), e.getMessage());
    assertFalse(closed.hasOpenTime());
    assertTrue(office.hasOpenTime());
  }

  @Test
  void aCalendarWithoutOpenTimeIsNeverOpenAndHoldsNoTime() {
    BusinessHours closed = BusinessHours.of(MOSCOW, List.of(), Set.of());

    assertFalse(closed.isOpen(moscow("2025-03-03T10:00")));
    assertEquals(Duration.ZERO, closed.between(moscow("2025-03-03T10:00"), moscow("2026-03-03T10:00")));
  }
}
