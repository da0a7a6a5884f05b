package io.deskbridge.core.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.autoclose.AutoClosePolicy;
import io.deskbridge.core.autoclose.HoldKeywords;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.sla.BusinessHours;
import io.deskbridge.core.sla.OpeningPeriod;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A tenant's rules start at the handbook defaults and keep exactly what an admin saves. */
class SupportRulesTest {

  private static final ZoneId MOSCOW = ZoneId.of("Europe/Moscow");

  @Test
  void defaultsAreTheHandbooks() {
    SupportRules rules = SupportRules.defaults(new TenantId(1), MOSCOW);

    assertEquals(AutoClosePolicy.defaults(), rules.autoClosePolicy());
    assertEquals(Duration.ofDays(7), rules.reopenWindow());
    assertEquals(false, rules.autoAssign());
    BusinessHours hours = rules.businessHours();
    assertEquals(MOSCOW, hours.zone());
    assertEquals(5, hours.periods().size());
    assertEquals(new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)), hours.periods().get(0));
  }

  @Test
  void aSavedCalendarWithSplitDaysMidnightAndHolidaysReadsBackTheSame() {
    SupportRules rules = SupportRules.defaults(new TenantId(1), MOSCOW);
    BusinessHours saved = BusinessHours.of(ZoneId.of("Asia/Yekaterinburg"), List.of(
        new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(13, 0)),
        new OpeningPeriod(DayOfWeek.MONDAY, LocalTime.of(14, 0), LocalTime.of(18, 30)),
        OpeningPeriod.allDay(DayOfWeek.SATURDAY)),
        Set.of(LocalDate.parse("2027-01-01"), LocalDate.parse("2027-01-07")));

    rules.changeBusinessHours(saved);

    assertEquals(saved, rules.businessHours());
  }

  @Test
  void aSavedAutoCloseRuleReadsBackTheSame() {
    SupportRules rules = SupportRules.defaults(new TenantId(1), MOSCOW);
    AutoClosePolicy saved = new AutoClosePolicy(true, Duration.ofSeconds(90), Duration.ofMinutes(5),
        Map.of(Language.EN, "Still there?"), new HoldKeywords(List.of("checking", "one moment")));

    rules.changeAutoClose(saved);

    assertEquals(saved, rules.autoClosePolicy());
    rules.changeAutoClose(new AutoClosePolicy(false, Duration.ofMinutes(1), Duration.ZERO, Map.of(),
        new HoldKeywords(List.of())));
    assertEquals(List.of(), rules.autoClosePolicy().holdKeywords().stems());
  }

  @Test
  void theReopenWindowIsBounded() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new WorkflowOptions(Duration.ofDays(400), null, false, null, null));
    assertEquals("reopenWindow", e.errors().get(0).field());
    assertThrows(InvalidInputException.class, () -> new WorkflowOptions(Duration.ofSeconds(-1), null, false, null, null));
  }
}
