package io.deskbridge.core.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveCursorTest {

  static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

  @Test
  void readsBackPastItsLastRoundSoALateCommitOnAnotherInstanceIsSeen() {
    LiveCursor cursor = new LiveCursor(T0);
    cursor.advance(List.of(), List.of(), List.of(), T0.plusSeconds(1));
    assertEquals(T0.plusSeconds(1).minus(LiveCursor.OVERLAP), cursor.readFrom());
  }

  @Test
  void aMessageReadAgainInTheOverlapIsAnnouncedOnce() {
    LiveCursor cursor = new LiveCursor(T0);
    NewMessage m = new NewMessage(150, 7, "PUBLIC", "CUSTOMER", null, T0.plusMillis(500));
    assertEquals(List.of(m), cursor.advance(List.of(), List.of(m), List.of(), T0.plusSeconds(1)).messages());
    assertTrue(cursor.advance(List.of(), List.of(m), List.of(), T0.plusSeconds(2)).isEmpty());
  }

  @Test
  void aConversationIsAnnouncedAgainOnlyWithANewerVersion() {
    LiveCursor cursor = new LiveCursor(T0);
    ChangedConversation v1 = new ChangedConversation(7, 1, T0);
    ChangedConversation v2 = new ChangedConversation(7, 2, T0.plusSeconds(1));
    assertEquals(1, cursor.advance(List.of(v1), List.of(), List.of(), T0.plusSeconds(1)).conversations().size());
    assertTrue(cursor.advance(List.of(v1), List.of(), List.of(), T0.plusSeconds(2)).isEmpty());
    assertEquals(List.of(v2), cursor.advance(List.of(v2), List.of(), List.of(), T0.plusSeconds(3)).conversations());
  }

  @Test
  void typingIsSentWhenItStartsAndOnceMoreWhenItStops() {
    LiveCursor cursor = new LiveCursor(T0);
    Typing anna = new Typing(7, 3, "Anna", T0.plusSeconds(5));
    LiveUpdate started = cursor.advance(List.of(), List.of(), List.of(anna), T0.plusSeconds(1));
    assertEquals(List.of(anna), started.typing());
    assertTrue(cursor.advance(List.of(), List.of(), List.of(anna), T0.plusSeconds(2)).isEmpty());
    LiveUpdate stopped = cursor.advance(List.of(), List.of(), List.of(), T0.plusSeconds(6));
    assertTrue(stopped.typingChanged());
    assertTrue(stopped.typing().isEmpty());
    assertFalse(stopped.isEmpty());
  }
}
