package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.shared.KeysetCursor;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The position after the last conversation of a page of the {@link InboxOrder#QUEUE queue}: our
 * client or not, priority, creation time and id, the four keys the queue is ordered by. Opaque to
 * clients like {@link KeysetCursor}, and marked, so that a cursor of the other order is refused as a
 * bad cursor instead of quietly starting somewhere else.
 */
public record QueueCursor(boolean ourClient, Priority priority, Instant createdAt, long id) {

  private static final String MARK = "queue";

  public static QueueCursor after(Conversation last) {
    return new QueueCursor(last.isOurClient(), last.priority(), last.createdAt(), last.id());
  }

  public String encode() {
    String raw = String.join(".", MARK, ourClient ? "1" : "0", Integer.toString(priority.rank()),
        Long.toString(createdAt.getEpochSecond()), Integer.toString(createdAt.getNano()), Long.toString(id));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
  }

  public static QueueCursor decode(String cursor) {
    try {
      String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII).split("\\.");
      if (parts.length != 6 || !parts[0].equals(MARK) || !parts[1].matches("[01]")) {
        throw new IllegalArgumentException("not a queue position");
      }
      Instant createdAt = Instant.ofEpochSecond(Long.parseLong(parts[3]), Long.parseLong(parts[4]));
      return new QueueCursor(parts[1].equals("1"), Priority.ofRank(Integer.parseInt(parts[2])), createdAt,
          Long.parseLong(parts[5]));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
      throw new InvalidInputException("cursor", "is not a cursor this list returned");
    }
  }

  /** The priorities whose conversations come after this position within its group. */
  public List<Priority> lowerPriorities() {
    return Arrays.stream(Priority.values()).filter(p -> p.rank() < priority.rank()).toList();
  }
}
