package io.deskbridge.core.shared;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The position after the last row of a page, ordered by a timestamp and then by id. Opaque to clients
 * (Base64), so its format can change without breaking them; a tampered cursor is a 400, not a 500.
 */
public record KeysetCursor(Instant at, long id) {

  public String encode() {
    String raw = at.getEpochSecond() + "." + at.getNano() + "." + id;
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  public static KeysetCursor decode(String cursor) {
    try {
      String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
      String[] parts = raw.split("\\.");
      if (parts.length != 3) {
        throw new IllegalArgumentException("expected three parts");
      }
      Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
      return new KeysetCursor(at, Long.parseLong(parts[2]));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }
  }
}
