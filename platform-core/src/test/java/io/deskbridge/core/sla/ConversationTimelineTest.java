package io.deskbridge.core.sla;

import static io.deskbridge.core.conversation.ConversationStatus.CLOSED;
import static io.deskbridge.core.conversation.ConversationStatus.OPEN;
import static io.deskbridge.core.conversation.ConversationStatus.WAITING_ON_VENDOR;
import static io.deskbridge.core.sla.Calendars.MOSCOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.sla.ConversationTimeline.StatusChange;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The facts the SLA clock reads, as they stood at the instant it is asked about. */
class ConversationTimelineTest {

  private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

  private static Instant seconds(long s) {
    return T0.plusSeconds(s);
  }

  @Test
  void entriesAreKeptInTimeOrderWhateverOrderTheyCameIn() {
    ConversationTimeline timeline = new ConversationTimeline(T0, List.of(seconds(30), seconds(10)),
        List.of(seconds(40), seconds(20)),
        List.of(new StatusChange(OPEN, seconds(50)), new StatusChange(WAITING_ON_VENDOR, seconds(5))), null);

    assertEquals(List.of(seconds(10), seconds(30)), timeline.customerMessages());
    assertEquals(List.of(seconds(20), seconds(40)), timeline.agentReplies());
    assertEquals(WAITING_ON_VENDOR, timeline.statusChanges().get(0).status());
  }

  @Test
  void asOfForgetsWhatHappenedLater() {
    ConversationTimeline timeline = ConversationTimeline.openedAt(T0)
        .customerWrote(seconds(10)).agentReplied(seconds(20)).customerWrote(seconds(30)).closed(seconds(40));

    ConversationTimeline atTwentyFive = timeline.asOf(seconds(25));

    assertEquals(List.of(seconds(10)), atTwentyFive.customerMessages());
    assertEquals(List.of(seconds(20)), atTwentyFive.agentReplies());
    assertEquals(List.of(), atTwentyFive.statusChanges());
    assertNull(atTwentyFive.closedAt());
  }

  @Test
  void nothingAfterTheCloseCounts() {
    ConversationTimeline timeline =
        ConversationTimeline.openedAt(T0).closed(seconds(10)).customerWrote(seconds(20));

    assertEquals(List.of(), timeline.asOf(seconds(60)).customerMessages());
    SlaClock clock = new SlaClock(SlaPolicy.defaults(), BusinessHours.alwaysOpen(MOSCOW));
    assertEquals(Optional.empty(), clock.timers(timeline, seconds(600)).timer(SlaTarget.FIRST_REPLY));
  }

  @Test
  void movingToClosedClosesAndReopeningRecordsOpen() {
    ConversationTimeline closed = ConversationTimeline.openedAt(T0).movedTo(CLOSED, seconds(10));
    ConversationTimeline reopened = closed.reopened(seconds(20));

    assertEquals(seconds(10), closed.closedAt());
    assertNull(reopened.closedAt());
    assertEquals(List.of(new StatusChange(CLOSED, seconds(10)), new StatusChange(OPEN, seconds(20))),
        reopened.statusChanges());
  }

  @Test
  void missingFactsAreProgrammingErrors() {
    assertThrows(NullPointerException.class, () -> ConversationTimeline.openedAt(null));
    assertThrows(NullPointerException.class, () -> ConversationTimeline.openedAt(T0).customerWrote(null));
    assertThrows(NullPointerException.class, () -> new StatusChange(null, T0));
  }
}
