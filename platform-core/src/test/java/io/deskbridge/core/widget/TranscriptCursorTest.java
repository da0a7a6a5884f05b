package io.deskbridge.core.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.shared.KeysetCursor;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The widget keeps re-reading what may still be overtaken by a late commit, and no more. */
class TranscriptCursorTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final Instant SETTLED = NOW.minusSeconds(30);
  private final Conversation conversation = TestEntities.conversation(1, NOW.minusSeconds(600));

  private PublicMessage at(long id, Instant when) {
    return TestEntities.withId(PublicMessage.fromCustomer(conversation, "m" + id, "x" + id, when), id);
  }

  @Test
  void theCursorStopsBeforeMessagesThatMayStillBeOvertaken() {
    PublicMessage old = at(50, NOW.minusSeconds(120));
    PublicMessage older = at(100, NOW.minusSeconds(60));
    PublicMessage fresh = at(150, NOW.minusSeconds(5));
    String next = TranscriptCursor.next(List.of(old, older, fresh), null, SETTLED, 100);
    assertEquals(new KeysetCursor(older.createdAt(), 100), KeysetCursor.decode(next));
  }

  @Test
  void onlyFreshMessagesLeaveTheCursorWhereItWas() {
    assertNull(TranscriptCursor.next(List.of(at(50, NOW.minusSeconds(3))), null, SETTLED, 100));
    String given = new KeysetCursor(NOW.minusSeconds(300), 7).encode();
    assertEquals(given, TranscriptCursor.next(List.of(at(50, NOW.minusSeconds(3))), given, SETTLED, 100));
    assertEquals(given, TranscriptCursor.next(List.of(), given, SETTLED, 100));
  }

  @Test
  void aFullPageMovesOnEvenWhenFresh() {
    PublicMessage a = at(50, NOW.minusSeconds(2));
    PublicMessage b = at(100, NOW.minusSeconds(1));
    assertEquals(new KeysetCursor(b.createdAt(), 100),
        KeysetCursor.decode(TranscriptCursor.next(List.of(a, b), null, SETTLED, 2)));
  }
}
