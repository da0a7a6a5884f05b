package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Handbook 003's plans: how soon a specialist engages with a problem, in business or clock time. */
class SupportPlanTest {

  private final BusinessHours office = moscowOffice();
  private final Map<String, SupportPlan> plans =
      SupportPlan.defaults().stream().collect(Collectors.toMap(SupportPlan::name, p -> p));

  /** A problem raised on Friday 2025-03-07 at 16:00 Moscow time. */
  private final Instant fridayAfternoon = moscow("2025-03-07T16:00");

  @Test
  void defaultPlansFollowTheHandbook() {
    assertEquals(List.of("Flow", "Basic", "Premium", "VIP"),
        SupportPlan.defaults().stream().map(SupportPlan::name).toList());
    assertEquals(SlaDuration.businessDays(7), plans.get("Flow").timeToEngage());
    assertEquals(SlaDuration.businessDays(2), plans.get("Basic").timeToEngage());
    assertEquals(SlaDuration.businessHours(4), plans.get("Premium").timeToEngage());
    assertEquals(SlaDuration.hours(2), plans.get("VIP").timeToEngage());
    assertEquals(SlaPolicy.DEFAULT_NAME, plans.get("VIP").policyName());
  }

  @Test
  void vipIsServedWithinTwoClockHoursEvenOnAFridayEvening() {
    assertEquals(moscow("2025-03-07T18:00"), plans.get("VIP").engageBy(fridayAfternoon, office));
  }

  @Test
  void premiumCarriesItsFourBusinessHoursOverTheWeekend() {
    assertEquals(moscow("2025-03-10T11:00"), plans.get("Premium").engageBy(fridayAfternoon, office));
  }

  @Test
  void basicGetsTwoBusinessDays() {
    assertEquals(moscow("2025-03-11T16:00"), plans.get("Basic").engageBy(fridayAfternoon, office));
  }

  @Test
  void flowGetsSevenBusinessDays() {
    assertEquals(moscow("2025-03-18T16:00"), plans.get("Flow").engageBy(fridayAfternoon, office));
  }

  @Test
  void aPlanNeedsANameATargetAndAPolicy() {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SupportPlan("", null, null));

    assertEquals(List.of(
        new FieldError("name", "is required"),
        new FieldError("timeToEngage", "is required"),
        new FieldError("policyName", "is required")), e.errors());
  }
}
