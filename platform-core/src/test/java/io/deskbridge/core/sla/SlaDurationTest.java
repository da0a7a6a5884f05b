package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.BERLIN;
import static io.deskbridge.core.sla.Calendars.local;
import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SLA targets in wall-clock or business units, and when each falls due. */
class SlaDurationTest {

  private final BusinessHours office = moscowOffice();

  @Test
  void isoMinutesHoursAndDaysAreParsedIntoTheirUnits() {
    assertEquals(SlaDuration.minutes(30), SlaDuration.parse("PT30M"));
    assertEquals(SlaDuration.hours(2), SlaDuration.parse("PT2H"));
    assertEquals(SlaDuration.minutes(90), SlaDuration.parse("PT1H30M"));
    assertEquals(SlaDuration.hours(2), SlaDuration.parse("PT120M"));
    assertEquals(SlaDuration.calendarDays(2), SlaDuration.parse("P2D"));
    assertEquals(SlaDuration.minutes(1), SlaDuration.parse(" pt1m "));
  }

  @ParameterizedTest
  @ValueSource(strings = {"30 minutes", "PT", "4h", "P1W", "PT-5M"})
  void textThatIsNotAPositiveDurationIsRefusedOnTheNamedField(String text) {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> SlaDuration.parse("firstReply", text));

    assertEquals("firstReply", e.errors().get(0).field());
  }

  @Test
  void secondsAreKeptButFractionsOfASecondAreRefused() {
    assertEquals(SlaDuration.seconds(90), SlaDuration.parse("PT90S"));
    assertEquals(SlaDuration.minutes(2), SlaDuration.parse("PT120S"));
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> SlaDuration.parse("PT1.5S"));

    assertEquals(new FieldError("duration", "must be a whole number of seconds"), e.errors().get(0));
  }

  @Test
  void businessUnitsAreWrittenOutAndReadBack() {
    assertEquals(SlaDuration.businessHours(4), SlaDuration.parse("4 business hours"));
    assertEquals(SlaDuration.businessDays(1), SlaDuration.parse("1 Business Day"));
    for (SlaDuration d : java.util.List.of(SlaDuration.businessDays(7), SlaDuration.businessHours(1),
        SlaDuration.seconds(20), SlaDuration.minutes(30), SlaDuration.hours(2), SlaDuration.calendarDays(3))) {
      assertEquals(d, SlaDuration.parse(d.text()), d.text());
    }
  }

  @Test
  void zeroAndMissingAreRefused() {
    assertEquals("must be more than zero",
        assertThrows(InvalidInputException.class, () -> SlaDuration.parse("PT0M")).errors().get(0).message());
    assertEquals("is required",
        assertThrows(InvalidInputException.class, () -> SlaDuration.parse(" ")).errors().get(0).message());
  }

  @Test
  void moreThanAYearIsRefused() {
    assertThrows(InvalidInputException.class, () -> SlaDuration.businessDays(367));
    assertThrows(InvalidInputException.class, () -> SlaDuration.parse("P400D"));
    assertEquals(366, SlaDuration.businessDays(366).amount());
  }

  @Test
  void constructorNamesItsBadFields() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SlaDuration(0, null));

    assertEquals("unit", e.errors().get(0).field());
    assertEquals("amount",
        assertThrows(InvalidInputException.class, () -> SlaDuration.minutes(-1)).errors().get(0).field());
  }

  @Test
  void businessUnitsAreTheOnesThatUseTheCalendar() {
    assertTrue(SlaDuration.businessHours(4).isBusinessTime());
    assertTrue(SlaDuration.businessDays(2).isBusinessTime());
    assertFalse(SlaDuration.hours(2).isBusinessTime());
    assertFalse(SlaDuration.calendarDays(2).isBusinessTime());
  }

  @Test
  void wallClockTargetsIgnoreOpeningHours() {
    Instant saturdayNight = moscow("2025-03-08T23:00");

    assertEquals(moscow("2025-03-08T23:30"), SlaDuration.parse("PT30M").dueFrom(saturdayNight, office));
    assertEquals(moscow("2025-03-09T01:00"), SlaDuration.hours(2).dueFrom(saturdayNight, office));
    assertEquals(moscow("2025-03-10T23:00"), SlaDuration.calendarDays(2).dueFrom(saturdayNight, office));
  }

  @Test
  void calendarDaysKeepTheLocalTimeOverAClockChange() {
    BusinessHours berlin = BusinessHours.alwaysOpen(BERLIN);

    assertEquals(local("2025-03-31T10:00", BERLIN),
        SlaDuration.calendarDays(2).dueFrom(local("2025-03-29T10:00", BERLIN), berlin));
  }

  @Test
  void businessTargetsCountOpenTime() {
    Instant fridayAfternoon = moscow("2025-03-07T16:00");

    assertEquals(moscow("2025-03-10T11:00"), SlaDuration.businessHours(4).dueFrom(fridayAfternoon, office));
    assertEquals(moscow("2025-03-11T16:00"), SlaDuration.businessDays(2).dueFrom(fridayAfternoon, office));
  }
}
