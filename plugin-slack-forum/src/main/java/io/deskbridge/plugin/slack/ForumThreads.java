package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.Mappings;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Which conversation was asked where: conversation ↔ the Slack message ({@code channel ts}) in the
 * module's mappings, so a question is never posted twice and a thread reply finds its conversation.
 * Posting first claims the conversation with compare-and-set, so two servers delivering the same
 * question at once post it once; a claim left by a server that died mid-post expires.
 */
final class ForumThreads {

  static final Duration CLAIM_TTL = Duration.ofMinutes(2);
  private static final String QUESTION = "question";
  private static final String THREAD = "thread";
  private static final String ANSWERED = "answered";
  private static final String CLAIM = "claim@";
  private static final String FREE = "free";

  /** Where a question was posted. */
  record Post(String channel, String ts) {
    String permalink() {
      return "https://slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }
  }

  private final Mappings mappings;
  private final Clock clock;

  ForumThreads(Mappings mappings, Clock clock) {
    this.mappings = mappings;
    this.clock = clock;
  }

  Optional<Post> postOf(long conversationId) {
    return mappings.remoteId(QUESTION, Long.toString(conversationId)).filter(v -> !v.startsWith(CLAIM) && !v.equals(FREE))
        .map(v -> new Post(v.substring(0, v.indexOf(' ')), v.substring(v.indexOf(' ') + 1)));
  }

  /** @return the claim when this caller may post the conversation's question now */
  Optional<String> claim(long conversationId) {
    String id = Long.toString(conversationId);
    String mine = CLAIM + clock.millis() + "@" + UUID.randomUUID();
    Optional<String> current = mappings.remoteId(QUESTION, id);
    if (current.isEmpty()) {
      return Optional.of(mine).filter(m -> mappings.compareAndSet(QUESTION, id, null, m));
    }
    String value = current.get();
    boolean free = value.equals(FREE) || value.startsWith(CLAIM)
        && Long.parseLong(value.split("@")[1]) + CLAIM_TTL.toMillis() < clock.millis();
    return Optional.of(mine).filter(m -> free && mappings.compareAndSet(QUESTION, id, value, m));
  }

  /** The post failed: the next attempt may claim at once. */
  void release(long conversationId, String claim) {
    mappings.compareAndSet(QUESTION, Long.toString(conversationId), claim, FREE);
  }

  void posted(long conversationId, Post post) {
    mappings.remember(THREAD, post.channel() + ":" + post.ts(), Long.toString(conversationId));
    mappings.remember(QUESTION, Long.toString(conversationId), post.channel() + " " + post.ts());
  }

  Optional<Long> conversationOf(String channel, String threadTs) {
    return mappings.remoteId(THREAD, channel + ":" + threadTs).map(Long::valueOf);
  }

  boolean isAnswered(long conversationId) {
    return mappings.remoteId(ANSWERED, Long.toString(conversationId)).isPresent();
  }

  void answered(long conversationId, String by) {
    mappings.remember(ANSWERED, Long.toString(conversationId), by);
  }
}
