package io.deskbridge.core.sla;

import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.deskbridge.core.conversation.ConversationStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Handbook 001: every next reply within 5 minutes of the customer answering the agent. */
class NextReplyTimerTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), BusinessHours.alwaysOpen(MOSCOW));

  private static Instant minutes(double m) {
    return T0.plusMillis(Math.round(m * 60_000));
  }

  /** The customer asked at T0 and the agent answered 30 seconds later. */
  private static ConversationTimeline answeredOnce() {
    return ConversationTimeline.openedAt(T0).customerWrote(T0).agentReplied(minutes(0.5));
  }

  private Optional<SlaTimer> nextReply(ConversationTimeline timeline, Instant now) {
    return clock.timers(timeline, now).timer(SlaTarget.NEXT_REPLY);
  }

  @Test
  void startsWhenTheCustomerAnswersTheAgent() {
    SlaTimer timer = nextReply(answeredOnce().customerWrote(minutes(2)), minutes(3)).orElseThrow();

    assertEquals(new SlaTimer(SlaTarget.NEXT_REPLY, minutes(2), minutes(7), minutes(6), Duration.ofMinutes(4),
        SlaState.ON_TRACK, null), timer);
  }

  @Test
  void furtherCustomerMessagesDoNotRestartIt() {
    ConversationTimeline timeline = answeredOnce().customerWrote(minutes(2)).customerWrote(minutes(6));

    SlaTimer timer = nextReply(timeline, minutes(7.5)).orElseThrow();

    assertEquals(minutes(2), timer.startedAt());
    assertEquals(SlaState.BREACHED, timer.state());
  }

  @Test
  void isAtRiskAfterFourMinutes() {
    ConversationTimeline timeline = answeredOnce().customerWrote(minutes(2));

    assertEquals(SlaState.ON_TRACK, nextReply(timeline, minutes(5.9)).orElseThrow().state());
    assertEquals(SlaState.AT_RISK, nextReply(timeline, minutes(6)).orElseThrow().state());
  }

  @Test
  void theFollowingAgentReplyMeetsIt() {
    ConversationTimeline timeline = answeredOnce().customerWrote(minutes(2)).agentReplied(minutes(5));

    SlaTimer timer = nextReply(timeline, minutes(20)).orElseThrow();

    assertEquals(SlaState.MET, timer.state());
    assertEquals(minutes(5), timer.stoppedAt());
    assertEquals(Duration.ofMinutes(2), timer.remaining());
  }

  @Test
  void onlyTheLatestCycleIsReported() {
    ConversationTimeline timeline = answeredOnce()
        .customerWrote(minutes(2)).agentReplied(minutes(10))
        .customerWrote(minutes(11));

    SlaTimer timer = nextReply(timeline, minutes(12)).orElseThrow();

    assertEquals(minutes(11), timer.startedAt());
    assertEquals(SlaState.ON_TRACK, timer.state());
  }

  @Test
  void theLastFinishedCycleStaysVisibleUntilTheCustomerWritesAgain() {
    ConversationTimeline timeline = answeredOnce().customerWrote(minutes(2)).agentReplied(minutes(10));

    SlaTimer timer = nextReply(timeline, minutes(12)).orElseThrow();

    assertEquals(SlaState.BREACHED, timer.state());
    assertEquals(minutes(10), timer.stoppedAt());
  }

  @Test
  void messagesBeforeTheFirstReplyBelongToTheFirstReplyTimer() {
    ConversationTimeline timeline =
        ConversationTimeline.openedAt(T0).customerWrote(T0).customerWrote(minutes(0.3));

    assertEquals(Optional.empty(), nextReply(timeline, minutes(1)));
  }

  @Test
  void agentOutreachBeforeTheFirstMessageStartsNoNextReply() {
    ConversationTimeline timeline = ConversationTimeline.openedAt(T0).agentReplied(T0).customerWrote(minutes(1));

    assertEquals(Optional.empty(), nextReply(timeline, minutes(2)));
  }

  @Test
  void noTimerWhileTheAgentHasTheLastWord() {
    assertEquals(Optional.empty(), nextReply(answeredOnce(), minutes(20)));
  }

  @Test
  void closingStopsAWaitingNextReply() {
    ConversationTimeline timeline = answeredOnce().customerWrote(minutes(2)).closed(minutes(3));

    SlaTimer timer = nextReply(timeline, minutes(30)).orElseThrow();

    assertEquals(SlaState.MET, timer.state());
    assertEquals(minutes(3), timer.stoppedAt());
  }

  @Test
  void runsOnWhileTheConversationWaitsOnAVendor() {
    ConversationTimeline timeline = answeredOnce()
        .movedTo(ConversationStatus.WAITING_ON_VENDOR, minutes(1))
        .customerWrote(minutes(2));

    SlaTimer timer = nextReply(timeline, minutes(8)).orElseThrow();

    assertEquals(SlaState.BREACHED, timer.state());
    assertNull(timer.stoppedAt());
  }
}
