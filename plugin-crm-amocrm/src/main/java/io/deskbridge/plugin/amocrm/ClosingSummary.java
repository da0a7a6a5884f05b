package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.event.ConversationClosed;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * The note a closed conversation leaves on its lead: what it was about (category), how long the
 * customer was with support (opened → closed) and where to read it (the dialog link).
 */
record ClosingSummary(ConversationClosed closed, String category, Optional<Instant> openedAt, String dialogLink) {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  String text() {
    return "Conversation #" + closed.conversationId() + " closed · " + TIME.format(closed.occurredAt())
        + "\nCategory: " + category
        + openedAt.map(o -> "\nDuration: " + spoken(Duration.between(o, closed.occurredAt()))).orElse("")
        + "\nDialog: " + dialogLink;
  }

  /** As a person says it, to the minute: "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
  static String spoken(Duration d) {
    if (d.isNegative()) {
      d = Duration.ZERO;
    }
    if (d.toMinutes() == 0) {
      return d.toSeconds() + " s";
    }
    if (d.toHours() == 0) {
      return d.toMinutes() + " min";
    }
    if (d.toDays() == 0) {
      return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
    }
    return d.toDays() + " d" + (d.toHoursPart() == 0 ? "" : " " + d.toHoursPart() + " h");
  }
}
