package io.deskbridge.core.sla;

import static io.deskbridge.core.conversation.ConversationStatus.ON_HOLD;
import static io.deskbridge.core.conversation.ConversationStatus.OPEN;
import static io.deskbridge.core.conversation.ConversationStatus.WAITING_ON_VENDOR;
import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Handbook 001: resolve within 30 minutes; a conversation waiting on a vendor pauses the clock
 * (handbook 000), and a business-time target counts only the tenant's open hours.
 */
class ResolutionTimerTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), BusinessHours.alwaysOpen(MOSCOW));

  private static Instant minutes(long m) {
    return T0.plus(Duration.ofMinutes(m));
  }

  private static ConversationTimeline opened() {
    return ConversationTimeline.openedAt(T0);
  }

  private static SlaTimer resolution(SlaClock clock, ConversationTimeline timeline, Instant now) {
    return clock.timers(timeline, now).timer(SlaTarget.RESOLUTION).orElseThrow();
  }

  private SlaTimer resolution(ConversationTimeline timeline, Instant now) {
    return resolution(clock, timeline, now);
  }

  private static SlaClock officeClock(SlaDuration resolution, Set<ConversationStatus> paused) {
    SlaPolicy policy =
        new SlaPolicy("Office", SlaDuration.minutes(1), SlaDuration.minutes(5), resolution, 0.8, paused);
    return new SlaClock(policy, moscowOffice());
  }

  @Test
  void runsFromCreation() {
    assertEquals(new SlaTimer(SlaTarget.RESOLUTION, T0, minutes(30), minutes(24), Duration.ofMinutes(20),
        SlaState.ON_TRACK, null), resolution(opened(), minutes(10)));
  }

  @Test
  void warnsAtTwentyFourMinutesAndBreachesAfterThirty() {
    assertEquals(SlaState.AT_RISK, resolution(opened(), minutes(24)).state());
    assertEquals(SlaState.AT_RISK, resolution(opened(), minutes(30)).state());
    assertEquals(SlaState.BREACHED, resolution(opened(), minutes(31)).state());
  }

  @Test
  void closingInTimeMeetsIt() {
    SlaTimer timer = resolution(opened().closed(minutes(20)), minutes(90));

    assertEquals(SlaState.MET, timer.state());
    assertEquals(minutes(20), timer.stoppedAt());
    assertEquals(minutes(30), timer.dueAt());
    assertEquals(Duration.ofMinutes(10), timer.remaining());
  }

  @Test
  void closingLateLeavesItBreached() {
    SlaTimer timer = resolution(opened().closed(minutes(45)), minutes(90));

    assertEquals(SlaState.BREACHED, timer.state());
    assertEquals(minutes(30), timer.dueAt());
    assertTrue(timer.wasMetLate());
    assertEquals(Duration.ofMinutes(-15), timer.remaining());
  }

  @Test
  void pausedWhileWaitingOnVendor() {
    SlaTimer timer = resolution(opened().movedTo(WAITING_ON_VENDOR, minutes(10)), minutes(180));

    assertEquals(SlaState.PAUSED, timer.state());
    assertNull(timer.dueAt());
    assertNull(timer.warnAt());
    assertEquals(Duration.ofMinutes(20), timer.remaining());
    assertFalse(timer.isRunning());
  }

  @Test
  void resumingMovesTheDueLaterByThePausedTime() {
    ConversationTimeline timeline = opened().movedTo(WAITING_ON_VENDOR, minutes(10)).movedTo(OPEN, minutes(130));

    assertEquals(new SlaTimer(SlaTarget.RESOLUTION, T0, minutes(150), minutes(144), Duration.ofMinutes(15),
        SlaState.ON_TRACK, null), resolution(timeline, minutes(135)));
  }

  @Test
  void severalPausesAddUp() {
    ConversationTimeline timeline = opened()
        .movedTo(WAITING_ON_VENDOR, minutes(5)).movedTo(OPEN, minutes(15))
        .movedTo(WAITING_ON_VENDOR, minutes(20)).movedTo(ON_HOLD, minutes(60));

    SlaTimer timer = resolution(timeline, minutes(61));

    assertEquals(minutes(80), timer.dueAt());
    assertEquals(minutes(74), timer.warnAt());
  }

  @Test
  void aPauseAfterTheWarningKeepsTheWarningInstant() {
    SlaTimer timer = resolution(opened().movedTo(WAITING_ON_VENDOR, minutes(25)), minutes(60));

    assertEquals(SlaState.PAUSED, timer.state());
    assertEquals(minutes(24), timer.warnAt());
    assertNull(timer.dueAt());
    assertEquals(Duration.ofMinutes(5), timer.remaining());
  }

  @Test
  void aPauseAfterTheBreachDoesNotUndoIt() {
    SlaTimer timer = resolution(opened().movedTo(WAITING_ON_VENDOR, minutes(40)), minutes(50));

    assertEquals(SlaState.BREACHED, timer.state());
    assertEquals(minutes(30), timer.dueAt());
  }

  @Test
  void onHoldDoesNotPauseByDefault() {
    assertEquals(SlaState.BREACHED, resolution(opened().movedTo(ON_HOLD, minutes(10)), minutes(40)).state());
  }

  @Test
  void pausedStatusesAreConfigurable() {
    SlaPolicy policy = new SlaPolicy("Hold pauses", SlaDuration.minutes(1), SlaDuration.minutes(5),
        SlaDuration.minutes(30), 0.8, Set.of(ON_HOLD));
    SlaClock holdPauses = new SlaClock(policy, BusinessHours.alwaysOpen(MOSCOW));

    assertEquals(SlaState.PAUSED,
        resolution(holdPauses, opened().movedTo(ON_HOLD, minutes(10)), minutes(40)).state());
    assertEquals(SlaState.BREACHED,
        resolution(holdPauses, opened().movedTo(WAITING_ON_VENDOR, minutes(10)), minutes(40)).state());
  }

  @Test
  void closingWhileWaitingOnVendorMeetsIt() {
    ConversationTimeline timeline = opened().movedTo(WAITING_ON_VENDOR, minutes(10)).closed(minutes(300));

    SlaTimer timer = resolution(timeline, minutes(400));

    assertEquals(SlaState.MET, timer.state());
    assertEquals(minutes(300), timer.stoppedAt());
    assertNull(timer.dueAt());
    assertEquals(Duration.ofMinutes(20), timer.remaining());
  }

  @Test
  void timeSpentClosedBeforeAReopeningDoesNotCount() {
    ConversationTimeline timeline = opened().closed(minutes(10)).reopened(minutes(120));

    SlaTimer timer = resolution(timeline, minutes(125));

    assertEquals(SlaState.ON_TRACK, timer.state());
    assertEquals(minutes(140), timer.dueAt());
    assertEquals(Duration.ofMinutes(15), timer.remaining());
    assertNull(timer.stoppedAt());
  }

  @Test
  void resolutionTimerSkipsTheWeekendAndAHoliday() {
    SlaClock office = officeClock(SlaDuration.businessHours(4), Set.of(WAITING_ON_VENDOR));
    ConversationTimeline thursdayEvening = ConversationTimeline.openedAt(moscow("2025-05-08T17:00"));

    SlaTimer timer = resolution(office, thursdayEvening, moscow("2025-05-10T12:00"));

    assertEquals(moscow("2025-05-12T12:00"), timer.dueAt());
    assertEquals(moscow("2025-05-12T11:12"), timer.warnAt());
    assertEquals(Duration.ofHours(3), timer.remaining());
    assertEquals(SlaState.ON_TRACK, timer.state());
  }

  @Test
  void aPauseOvernightCostsOnlyTheBusinessHoursItCovered() {
    SlaClock office = officeClock(SlaDuration.businessHours(4), Set.of(WAITING_ON_VENDOR));
    ConversationTimeline timeline = ConversationTimeline.openedAt(moscow("2025-03-03T16:00"))
        .movedTo(WAITING_ON_VENDOR, moscow("2025-03-03T17:00"))
        .movedTo(OPEN, moscow("2025-03-04T10:00"));

    SlaTimer timer = resolution(office, timeline, moscow("2025-03-04T10:30"));

    // Unpaused it was due Tuesday 11:00; the pause withheld two business hours (17–18, 09–10).
    assertEquals(moscow("2025-03-04T13:00"), timer.dueAt());
    assertEquals(moscow("2025-03-04T12:12"), timer.warnAt());
    assertEquals(Duration.ofMinutes(150), timer.remaining());
  }

  @Test
  void anUnpausedBusinessDayTargetIsDueAtTheSameTimeOfDay() {
    SlaClock office = officeClock(SlaDuration.businessDays(2), Set.of(WAITING_ON_VENDOR));

    SlaTimer timer = resolution(office, ConversationTimeline.openedAt(moscow("2025-03-03T09:00")),
        moscow("2025-03-03T10:00"));

    assertEquals(moscow("2025-03-05T09:00"), timer.dueAt());
  }

  @Test
  void aPauseAfterABusinessDayDueLeavesTheDueWhereItWas() {
    SlaClock office = officeClock(SlaDuration.businessDays(2), Set.of(WAITING_ON_VENDOR));
    ConversationTimeline timeline = ConversationTimeline.openedAt(moscow("2025-03-03T09:00"))
        .movedTo(WAITING_ON_VENDOR, moscow("2025-03-05T10:00"));

    SlaTimer timer = resolution(office, timeline, moscow("2025-03-05T11:00"));

    assertEquals(moscow("2025-03-05T09:00"), timer.dueAt());
    assertEquals(SlaState.BREACHED, timer.state());
  }

  @Test
  void aBusinessDayTargetMovesByTheBusinessTimePaused() {
    SlaClock office = officeClock(SlaDuration.businessDays(2), Set.of(WAITING_ON_VENDOR));
    ConversationTimeline timeline = ConversationTimeline.openedAt(moscow("2025-03-03T11:00"))
        .movedTo(WAITING_ON_VENDOR, moscow("2025-03-04T09:00"))
        .movedTo(OPEN, moscow("2025-03-04T11:00"));

    SlaTimer timer = resolution(office, timeline, moscow("2025-03-04T12:00"));

    assertEquals(moscow("2025-03-05T13:00"), timer.dueAt());
  }
}
