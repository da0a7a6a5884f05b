package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The comments a conversation owes its Bitrix24 timeline, in order, kept in the mappings so that a
 * comment a job could not write (a dead-lettered job, a command Bitrix24 failed inside a batch) is
 * still written, once, by the conversation's next job. Each comment has a key ({@code message-12})
 * and a state: pending → sending → done:{commentId}, or refused:{error}. The text is kept only
 * until the comment is written, in pieces that fit a mapping.
 */
final class TimelineLedger {

  /** One comment owed, oldest first. */
  record Entry(String key, String state, String text) {

    boolean isUncertain() {
      return state.equals(SENDING);
    }
  }

  static final String PENDING = "pending";
  static final String SENDING = "sending";
  private static final String DONE = "done:";
  private static final String REFUSED = "refused:";
  private static final int PIECE = 400;

  private final Mappings mappings;

  TimelineLedger(Mappings mappings) {
    this.mappings = mappings;
  }

  /** Owes the comment unless it was already recorded (a repeated job). */
  void record(long conversationId, String key, String text) {
    if (state(key).isPresent()) {
      return;
    }
    int pieces = (text.length() + PIECE - 1) / PIECE;
    for (int i = 0; i < pieces; i++) {
      mappings.remember("comment-text", key + "#" + i, text.substring(i * PIECE, Math.min(text.length(),
          (i + 1) * PIECE)));
    }
    mappings.remember("comment-pieces", key, Integer.toString(pieces));
    String conversation = Long.toString(conversationId);
    long seq = counter("ledger-next", conversation);
    mappings.remember("ledger", conversation + "#" + seq, key);
    mappings.remember("ledger-next", conversation, Long.toString(seq + 1));
    mappings.remember("comment", key, PENDING);
  }

  /** Up to {@code max} comments not yet written nor refused, oldest first. */
  List<Entry> owed(long conversationId, int max) {
    String conversation = Long.toString(conversationId);
    long head = counter("ledger-head", conversation);
    long next = counter("ledger-next", conversation);
    List<Entry> owed = new ArrayList<>();
    boolean settledSoFar = true;
    for (long seq = head; seq < next && owed.size() < max; seq++) {
      Optional<String> key = mappings.remoteId("ledger", conversation + "#" + seq);
      Optional<String> state = key.flatMap(this::state);
      boolean settled = state.isEmpty() || isSettled(state.get());
      if (settledSoFar && settled) {
        mappings.remember("ledger-head", conversation, Long.toString(seq + 1));
      } else if (!settled && owed.stream().noneMatch(e -> e.key().equals(key.get()))) {
        owed.add(new Entry(key.get(), state.get(), text(key.get())));
      }
      settledSoFar &= settled;
    }
    return owed;
  }

  Optional<String> state(String key) {
    return mappings.remoteId("comment", key);
  }

  Optional<String> refusal(String key) {
    return state(key).filter(s -> s.startsWith(REFUSED)).map(s -> s.substring(REFUSED.length()));
  }

  void sending(String key) {
    mappings.remember("comment", key, SENDING);
  }

  /** Not written after all: the next flush sends it again. */
  void stillOwed(String key) {
    mappings.remember("comment", key, PENDING);
  }

  void written(String key, long commentId) {
    mappings.remember("comment", key, DONE + commentId);
    forgetText(key);
  }

  void refused(String key, String error) {
    mappings.remember("comment", key, REFUSED + error);
    forgetText(key);
  }

  private static boolean isSettled(String state) {
    return state.startsWith(DONE) || state.startsWith(REFUSED);
  }

  private String text(String key) {
    int pieces = mappings.remoteId("comment-pieces", key).map(Integer::parseInt).orElse(0);
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(mappings.remoteId("comment-text", key + "#" + i).orElse(""));
    }
    return text.toString();
  }

  /** The customer's words have no business staying in a mapping table once Bitrix24 has them. */
  private void forgetText(String key) {
    int pieces = mappings.remoteId("comment-pieces", key).map(Integer::parseInt).orElse(0);
    for (int i = 0; i < pieces; i++) {
      mappings.remember("comment-text", key + "#" + i, "");
    }
    mappings.remember("comment-pieces", key, "0");
  }

  private long counter(String type, String conversation) {
    return mappings.remoteId(type, conversation).map(Long::parseLong).orElse(0L);
  }
}
