package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static io.deskbridge.core.sla.Calendars.moscow;
import static io.deskbridge.core.sla.Calendars.moscowOffice;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Handbook 001: the first reply within 1 minute of the customer's first message. */
class FirstReplyTimerTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), BusinessHours.alwaysOpen(MOSCOW));

  private static Instant seconds(long s) {
    return T0.plusSeconds(s);
  }

  private SlaTimer firstReply(ConversationTimeline timeline, Instant now) {
    return clock.timers(timeline, now).timer(SlaTarget.FIRST_REPLY).orElseThrow();
  }

  private static ConversationTimeline customerWroteAtT0() {
    return ConversationTimeline.openedAt(T0).customerWrote(T0);
  }

  @Test
  void isOnTrackRightAfterTheCustomerWrites() {
    SlaTimer timer = firstReply(customerWroteAtT0(), seconds(10));

    assertEquals(new SlaTimer(SlaTarget.FIRST_REPLY, T0, seconds(60), seconds(48), Duration.ofSeconds(50),
        SlaState.ON_TRACK, null), timer);
    assertTrue(timer.isRunning());
  }

  @Test
  void isAtRiskFromEightyPercentOfTheMinute() {
    assertEquals(SlaState.ON_TRACK, firstReply(customerWroteAtT0(), seconds(47)).state());
    assertEquals(SlaState.AT_RISK, firstReply(customerWroteAtT0(), seconds(48)).state());
  }

  @Test
  void isStillOnTimeAtTheDueInstantAndBreachedRightAfter() {
    assertEquals(SlaState.AT_RISK, firstReply(customerWroteAtT0(), seconds(60)).state());

    SlaTimer breached = firstReply(customerWroteAtT0(), seconds(61));
    assertEquals(SlaState.BREACHED, breached.state());
    assertEquals(Duration.ofSeconds(-1), breached.remaining());
    assertTrue(breached.isRunning());
  }

  @Test
  void anAgentReplyBeforeTheDueMeetsIt() {
    SlaTimer timer = firstReply(customerWroteAtT0().agentReplied(seconds(40)), seconds(300));

    assertEquals(SlaState.MET, timer.state());
    assertEquals(seconds(40), timer.stoppedAt());
    assertEquals(Duration.ofSeconds(20), timer.remaining());
    assertFalse(timer.isRunning());
    assertFalse(timer.wasMetLate());
  }

  @Test
  void aReplyExactlyAtTheDueIsOnTime() {
    assertEquals(SlaState.MET, firstReply(customerWroteAtT0().agentReplied(seconds(60)), seconds(300)).state());
  }

  @Test
  void aLateReplyLeavesTheTimerBreachedAndStopped() {
    SlaTimer timer = firstReply(customerWroteAtT0().agentReplied(seconds(90)), seconds(300));

    assertEquals(SlaState.BREACHED, timer.state());
    assertEquals(seconds(90), timer.stoppedAt());
    assertEquals(Duration.ofSeconds(-30), timer.remaining());
    assertTrue(timer.wasMetLate());
    assertFalse(timer.isRunning());
  }

  @Test
  void startsAtTheCustomersFirstMessageNotAtCreation() {
    ConversationTimeline timeline =
        ConversationTimeline.openedAt(T0).customerWrote(seconds(300)).customerWrote(seconds(320));

    SlaTimer timer = firstReply(timeline, seconds(330));

    assertEquals(seconds(300), timer.startedAt());
    assertEquals(seconds(360), timer.dueAt());
  }

  @Test
  void noTimerUntilTheCustomerWrites() {
    ConversationTimeline outreach = ConversationTimeline.openedAt(T0).agentReplied(seconds(5));

    assertEquals(Optional.empty(), clock.timers(outreach, seconds(600)).timer(SlaTarget.FIRST_REPLY));
  }

  @Test
  void agentOutreachBeforeTheCustomerWritesDoesNotCountAsTheReply() {
    ConversationTimeline timeline = ConversationTimeline.openedAt(T0).agentReplied(T0).customerWrote(seconds(60));

    SlaTimer timer = firstReply(timeline, seconds(180));

    assertEquals(SlaState.BREACHED, timer.state());
    assertNull(timer.stoppedAt());
  }

  @Test
  void closingWithoutAReplyStopsIt() {
    SlaTimer timer = firstReply(customerWroteAtT0().closed(seconds(30)), seconds(600));

    assertEquals(SlaState.MET, timer.state());
    assertEquals(seconds(30), timer.stoppedAt());
  }

  @Test
  void aReplyAfterTheEvaluationInstantIsNotKnownYet() {
    SlaTimer timer = firstReply(customerWroteAtT0().agentReplied(seconds(40)), seconds(30));

    assertEquals(SlaState.ON_TRACK, timer.state());
    assertNull(timer.stoppedAt());
  }

  @Test
  void aBusinessHourTargetWaitsForTheOffice() {
    SlaPolicy policy = SlaPolicy.of("Office", SlaDuration.businessHours(1), SlaDuration.minutes(5),
        SlaDuration.businessDays(2));
    SlaClock officeClock = new SlaClock(policy, moscowOffice());
    Instant saturday = moscow("2025-03-08T10:00");
    ConversationTimeline timeline = ConversationTimeline.openedAt(saturday).customerWrote(saturday);

    SlaTimer timer = officeClock.timers(timeline, moscow("2025-03-09T20:00"))
        .timer(SlaTarget.FIRST_REPLY).orElseThrow();

    assertEquals(moscow("2025-03-10T10:00"), timer.dueAt());
    assertEquals(moscow("2025-03-10T09:48"), timer.warnAt());
    assertEquals(Duration.ofHours(1), timer.remaining());
    assertEquals(SlaState.ON_TRACK, timer.state());
  }
}
