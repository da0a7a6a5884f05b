package io.deskbridge.core.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The opaque "next page" cursor: survives a round trip, and a tampered one is a 400, not a 500. */
class KeysetCursorTest {

  private static String base64(String raw) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  private static void assertRejected(String cursor) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> KeysetCursor.decode(cursor));
    assertEquals(List.of("cursor"), e.errors().stream().map(FieldError::field).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "2025-03-01T10:15:30Z",
      "2025-03-01T10:15:30.123456Z",
      "2025-03-01T10:15:30.123456789Z",
      "1969-12-31T23:59:59.000000001Z"})
  void cursorComesBackExactly(String at) {
    KeysetCursor cursor = new KeysetCursor(Instant.parse(at), 1234567890123L);

    assertEquals(cursor, KeysetCursor.decode(cursor.encode()));
  }

  @Test
  void cursorIsUrlSafe() {
    String encoded = new KeysetCursor(Instant.parse("2025-03-01T10:15:30.123456789Z"), 77).encode();

    assertTrue(encoded.matches("[A-Za-z0-9_-]+"), encoded);
  }

  @Test
  void garbageIsRejectedAsInvalidCursor() {
    assertRejected(base64("hello world"));
    assertRejected(base64("a.b.c"));
    assertRejected("");
  }

  @Test
  void wrongNumberOfPartsIsRejectedAsInvalidCursor() {
    assertRejected(base64("1700000000.5"));
    assertRejected(base64("1700000000.5.7.9"));
  }

  @Test
  void nonBase64IsRejectedAsInvalidCursor() {
    assertRejected("not a cursor!");
    assertRejected("%%%");
  }

  @Test
  void timestampOutOfRangeIsRejectedAsInvalidCursor() {
    assertRejected(base64("99999999999999999.0.1"));
  }

  @Test
  void overflowingTimestampIsRejectedAsInvalidCursor() {
    assertRejected(base64(Long.MAX_VALUE + ".1000000000.1"));
  }
}
