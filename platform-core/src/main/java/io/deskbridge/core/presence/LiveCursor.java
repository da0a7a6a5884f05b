package io.deskbridge.core.presence;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where one agent's live feed is. Each round reads a little further back than its last read: on
 * several instances, a transaction that committed late carries an earlier timestamp than rows already
 * seen, and message ids come in per-instance blocks, so neither "after the last time" nor "after the
 * last id" alone would see it. What was already sent is remembered for that overlap and not sent twice.
 */
public final class LiveCursor {

  /** How far before its last read each read starts again (see the class comment). */
  public static final Duration OVERLAP = Duration.ofSeconds(10);

  private Instant since;
  private final Map<Long, ChangedConversation> sentConversations = new HashMap<>();
  private final Map<Long, Instant> sentMessages = new HashMap<>();
  private Set<String> lastTyping = Set.of();

  public LiveCursor(Instant start) {
    this.since = start;
  }

  /** The time to read from: a margin before the last read. */
  public Instant readFrom() {
    return since.minus(OVERLAP);
  }

  /** Keeps what this agent has not been told yet of a read, and moves the cursor to the read's time. */
  public LiveUpdate advance(LiveRead read) {
    return advance(read.conversations(), read.messages(), read.typing(), read.at());
  }

  /** Keeps what this agent has not been told yet, and moves the cursor to {@code now}. */
  public LiveUpdate advance(List<ChangedConversation> conversations, List<NewMessage> messages, List<Typing> typing,
      Instant now) {
    List<ChangedConversation> freshConversations = new ArrayList<>();
    for (ChangedConversation c : conversations) {
      ChangedConversation sent = sentConversations.get(c.id());
      if (sent == null || sent.version() < c.version()) {
        sentConversations.put(c.id(), c);
        freshConversations.add(c);
      }
    }
    List<NewMessage> freshMessages = new ArrayList<>();
    for (NewMessage m : messages) {
      if (sentMessages.putIfAbsent(m.id(), m.createdAt()) == null) {
        freshMessages.add(m);
      }
    }
    Set<String> typingNow =
        typing.stream().map(t -> t.conversationId() + ":" + t.agentId()).collect(Collectors.toSet());
    boolean typingChanged = !typingNow.equals(lastTyping);
    lastTyping = typingNow;
    since = now;
    Instant forgetBefore = readFrom();
    sentMessages.values().removeIf(at -> at.isBefore(forgetBefore));
    sentConversations.values().removeIf(c -> c.updatedAt().isBefore(forgetBefore));
    return new LiveUpdate(freshConversations, freshMessages, typingChanged ? typing : List.of(), typingChanged);
  }
}
