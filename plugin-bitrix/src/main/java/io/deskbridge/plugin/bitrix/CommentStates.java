package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.Mappings;
import java.util.Optional;

/**
 * What became of each timeline comment, by key ({@code message-12}), kept in the mappings: pending →
 * sending → done:{commentId}, or refused:{error}. Only the state: the text comes again with the job.
 * A comment left in {@code sending} had its batch go unanswered and is looked for on the timeline
 * before it is sent again.
 */
final class CommentStates {

  private static final String TYPE = "comment";
  private static final String SENDING = "sending";
  private static final String DONE = "done:";
  private static final String REFUSED = "refused:";

  private final Mappings mappings;

  CommentStates(Mappings mappings) {
    this.mappings = mappings;
  }

  boolean isWritten(String key) {
    return state(key).filter(s -> s.startsWith(DONE)).isPresent();
  }

  boolean isUncertain(String key) {
    return state(key).filter(SENDING::equals).isPresent();
  }

  Optional<String> refusal(String key) {
    return state(key).filter(s -> s.startsWith(REFUSED)).map(s -> s.substring(REFUSED.length()));
  }

  void sending(String key) {
    mappings.remember(TYPE, key, SENDING);
  }

  /** Not written after all: the next job sends it again. */
  void stillOwed(String key) {
    mappings.remember(TYPE, key, "pending");
  }

  void written(String key, long commentId) {
    mappings.remember(TYPE, key, DONE + commentId);
  }

  void refused(String key, String error) {
    mappings.remember(TYPE, key, REFUSED + error);
  }

  private Optional<String> state(String key) {
    return mappings.remoteId(TYPE, key);
  }
}
