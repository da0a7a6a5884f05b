package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.KeysetCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The queue's "next page" cursor: exact, opaque, and never mistaken for the inbox's own. */
class QueueCursorTest {

  private static final Instant CREATED = Instant.parse("2025-03-01T10:15:30.123456Z");

  private static String base64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  private static void assertRejected(Runnable decode) {
    InvalidInputException e = assertThrows(InvalidInputException.class, decode::run);
    assertEquals(List.of("cursor"), e.errors().stream().map(FieldError::field).toList());
  }

  @Test
  void positionComesBackExactly() {
    QueueCursor cursor = new QueueCursor(true, Priority.URGENT, CREATED, 1234567890123L);

    assertEquals(cursor, QueueCursor.decode(cursor.encode()));
  }

  @Test
  void positionIsTakenFromTheLastConversationOfThePage() {
    Conversation last = TestEntities.conversation(81, CREATED);
    last.treatAsOurClient(true);
    last.prioritize(Priority.HIGH, CREATED.plusSeconds(5));

    assertEquals(new QueueCursor(true, Priority.HIGH, CREATED, 81), QueueCursor.after(last));
  }

  @Test
  void aCursorOfTheNewestFirstInboxIsRefused() {
    String inbox = new KeysetCursor(CREATED, 81).encode();

    assertRejected(() -> QueueCursor.decode(inbox));
  }

  @Test
  void theInboxRefusesAQueueCursor() {
    String queue = new QueueCursor(false, Priority.NORMAL, CREATED, 81).encode();

    assertRejected(() -> KeysetCursor.decode(queue));
  }

  @ParameterizedTest
  @ValueSource(strings = {"queue.1.3.1740824130.0", "queue.2.3.1740824130.0.81", "queue.1.9.1740824130.0.81",
      "queue.1.3.x.0.81", "inbox.1.3.1740824130.0.81"})
  void tamperedPositionsAreRefused(String raw) {
    assertRejected(() -> QueueCursor.decode(base64(raw)));
  }

  @Test
  void garbageIsRefused() {
    assertRejected(() -> QueueCursor.decode("not a cursor!"));
  }

  @Test
  void lowerPrioritiesAreThoseRankedBelow() {
    assertEquals(List.of(Priority.LOW, Priority.NORMAL),
        new QueueCursor(false, Priority.HIGH, CREATED, 1).lowerPriorities());
    assertEquals(List.of(), new QueueCursor(false, Priority.LOW, CREATED, 1).lowerPriorities());
  }
}
