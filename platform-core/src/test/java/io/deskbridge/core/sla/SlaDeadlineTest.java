package io.deskbridge.core.sla;

import static io.deskbridge.core.conversation.ConversationStatus.OPEN;
import static io.deskbridge.core.conversation.ConversationStatus.WAITING_ON_VENDOR;
import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The sweeper indexes each conversation on the next instant one of its timers warns or breaches. */
class SlaDeadlineTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private final SlaClock clock = new SlaClock(SlaPolicy.defaults(), BusinessHours.alwaysOpen(MOSCOW));

  private static Instant seconds(long s) {
    return T0.plusSeconds(s);
  }

  private static ConversationTimeline customerWroteAtT0() {
    return ConversationTimeline.openedAt(T0).customerWrote(T0);
  }

  private Optional<Instant> next(ConversationTimeline timeline, Instant now) {
    return clock.nextDeadline(timeline, now);
  }

  @Test
  void theFirstWarningComesFirst() {
    assertEquals(Optional.of(seconds(48)), next(customerWroteAtT0(), seconds(1)));
  }

  @Test
  void afterTheWarningTheDueInstantIsNext() {
    assertEquals(Optional.of(seconds(60)), next(customerWroteAtT0(), seconds(48)));
    assertEquals(Optional.of(seconds(60)), next(customerWroteAtT0(), seconds(50)));
  }

  @Test
  void atTheExactDueInstantTheDueStaysTheDeadlineSoTheBreachIsNotMissed() {
    assertEquals(Optional.of(seconds(60)), next(customerWroteAtT0(), seconds(60)));
  }

  @Test
  void aBreachedTimerLeavesTheOtherTimersDeadlines() {
    assertEquals(Optional.of(seconds(24 * 60)), next(customerWroteAtT0(), seconds(60).plusNanos(1)));
    assertEquals(Optional.of(seconds(30 * 60)), next(customerWroteAtT0(), seconds(25 * 60)));
  }

  @Test
  void aMetReplyLeavesOnlyTheResolutionDeadlines() {
    assertEquals(Optional.of(seconds(24 * 60)), next(customerWroteAtT0().agentReplied(seconds(20)), seconds(30)));
  }

  @Test
  void nothingToWatchOnceClosed() {
    ConversationTimeline timeline = customerWroteAtT0().agentReplied(seconds(20)).closed(seconds(600));

    assertEquals(Optional.empty(), next(timeline, seconds(700)));
  }

  @Test
  void nothingToWatchWhilePausedAndAnswered() {
    ConversationTimeline timeline =
        customerWroteAtT0().agentReplied(seconds(20)).movedTo(WAITING_ON_VENDOR, seconds(60));

    assertEquals(Optional.empty(), next(timeline, seconds(120)));
  }

  @Test
  void resumingGivesTheSweeperADeadlineAgain() {
    ConversationTimeline timeline = customerWroteAtT0().agentReplied(seconds(20))
        .movedTo(WAITING_ON_VENDOR, seconds(60)).movedTo(OPEN, seconds(3660));

    // One minute ran before the pause; the warning comes after 23 more.
    assertEquals(Optional.of(seconds(3660).plus(Duration.ofMinutes(23))), next(timeline, seconds(3700)));
  }

  @Test
  void theClockAndItsTimersAgree() {
    ConversationTimeline timeline = customerWroteAtT0();

    assertEquals(clock.timers(timeline, seconds(10)).nextDeadline(), next(timeline, seconds(10)));
    assertEquals(seconds(10), clock.timers(timeline, seconds(10)).evaluatedAt());
  }
}
