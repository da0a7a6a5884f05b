package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.BERLIN;
import static io.deskbridge.core.sla.Calendars.NEW_YORK;
import static io.deskbridge.core.sla.Calendars.local;
import static io.deskbridge.core.sla.Calendars.period;
import static io.deskbridge.core.sla.Calendars.weekdays;
import static java.time.DayOfWeek.SUNDAY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Opening hours are local wall-clock times, so they move with daylight saving; open time is real
 * time. Berlin changes on 2025-03-30 and 2025-10-26, New York on 2025-03-09 and 2025-11-02 (Sundays).
 */
class BusinessHoursDstTest {

  private final BusinessHours berlinOffice = weekdays(BERLIN, "09:00", "18:00");
  private final BusinessHours newYorkOffice = weekdays(NEW_YORK, "09:00", "17:00");

  @Test
  void mondayMorningAfterSpringForwardIsStillNineLocal() {
    Instant due = berlinOffice.plus(local("2025-03-28T17:00", BERLIN), Duration.ofHours(2));

    assertEquals(local("2025-03-31T10:00", BERLIN), due);
    assertEquals(Instant.parse("2025-03-31T08:00:00Z"), due);
  }

  @Test
  void mondayMorningAfterFallBackIsStillNineLocal() {
    Instant due = berlinOffice.plus(local("2025-10-24T17:00", BERLIN), Duration.ofHours(2));

    assertEquals(Instant.parse("2025-10-27T09:00:00Z"), due);
  }

  @Test
  void anOpenSundayLastsTwentyThreeHoursInSpringAndTwentyFiveInAutumn() {
    BusinessHours sundays = BusinessHours.of(BERLIN, List.of(OpeningPeriod.allDay(SUNDAY)), Set.of());

    assertEquals(Duration.ofHours(23),
        sundays.between(local("2025-03-30T00:00", BERLIN), local("2025-03-31T00:00", BERLIN)));
    assertEquals(Duration.ofHours(25),
        sundays.between(local("2025-10-26T00:00", BERLIN), local("2025-10-27T00:00", BERLIN)));
    assertEquals(Duration.ofHours(24),
        sundays.between(local("2025-04-06T00:00", BERLIN), local("2025-04-07T00:00", BERLIN)));
  }

  @Test
  void alwaysOpenAddsRealHoursAcrossTheClockChange() {
    BusinessHours always = BusinessHours.alwaysOpen(BERLIN);

    assertEquals(local("2025-03-30T13:00", BERLIN),
        always.plus(local("2025-03-29T12:00", BERLIN), Duration.ofHours(24)));
    assertEquals(local("2025-10-26T11:00", BERLIN),
        always.plus(local("2025-10-25T12:00", BERLIN), Duration.ofHours(24)));
  }

  @Test
  void aPeriodStartingInTheSkippedHourOpensWhenTheClockJumps() {
    BusinessHours sundayNights = BusinessHours.of(BERLIN, List.of(period(SUNDAY, "02:30", "04:00")), Set.of());

    assertEquals(Duration.ofMinutes(30),
        sundayNights.between(local("2025-03-30T00:00", BERLIN), local("2025-03-30T12:00", BERLIN)));
    assertEquals(Duration.ofMinutes(90),
        sundayNights.between(local("2025-04-06T00:00", BERLIN), local("2025-04-06T12:00", BERLIN)));
    assertTrue(sundayNights.isOpen(Instant.parse("2025-03-30T01:45:00Z")));
  }

  @Test
  void periodsSqueezedTogetherByTheSkippedHourAreNotCountedTwice() {
    BusinessHours sundays = BusinessHours.of(BERLIN,
        List.of(period(SUNDAY, "01:00", "02:30"), period(SUNDAY, "03:00", "05:00")), Set.of());

    // 02:30 does not exist that night and becomes 03:30 summer time, past the second opening:
    // the open stretch is 01:00 winter time to 05:00 summer time, three real hours.
    assertEquals(Duration.ofHours(3),
        sundays.between(local("2025-03-30T00:00", BERLIN), local("2025-03-30T12:00", BERLIN)));
    assertEquals(local("2025-03-30T05:00", BERLIN),
        sundays.plus(local("2025-03-30T00:00", BERLIN), Duration.ofHours(3)));
  }

  @Test
  void businessDaysKeepTheLocalTimeAcrossTheClockChange() {
    Instant due = newYorkOffice.plusBusinessDays(local("2025-03-07T10:00", NEW_YORK), 1);

    assertEquals(local("2025-03-10T10:00", NEW_YORK), due);
    assertEquals(Instant.parse("2025-03-10T14:00:00Z"), due);
  }

  @Test
  void overTheFallBackWeekendOnlyTheOpenHoursCount() {
    assertEquals(Duration.ofHours(2),
        newYorkOffice.between(local("2025-10-31T16:00", NEW_YORK), local("2025-11-03T10:00", NEW_YORK)));
    assertEquals(Instant.parse("2025-11-03T15:00:00Z"),
        newYorkOffice.plus(local("2025-10-31T16:00", NEW_YORK), Duration.ofHours(2)));
  }
}
