package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.MessageFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Conversations whose customer waits for an agent, one row each in the module's mappings. On the
 * platform's poll tick one server of the cluster (a {@link Lease}) queues an {@code auto} job for
 * each conversation waiting longer than {@code autoAfter}; the job asks, and {@link ForumThreads}
 * keeps it to one post even if two jobs ever meet.
 */
final class Unanswered {

  static final String AUTO = "auto";
  /** More at once than a tick looks at are looked at by the next ticks, the most recent first. */
  static final int PER_TICK = 5000;
  private static final String TYPE = "waiting";

  private final Duration autoAfter;
  private final PluginContext context;
  private final ForumThreads threads;
  private final Lease lease;
  private final Clock clock;

  Unanswered(Duration autoAfter, PluginContext context, Clock clock, ForumThreads threads) {
    this.autoAfter = autoAfter;
    this.context = context;
    this.clock = clock;
    this.threads = threads;
    this.lease = new Lease(context.mappings(), "slack-forum-auto", clock);
  }

  void waiting(long conversationId) {
    context.mappings().compareAndSet(TYPE, Long.toString(conversationId), null, "waiting");
  }

  void answered(long conversationId) {
    context.mappings().forget(TYPE, Long.toString(conversationId));
  }

  void tick() {
    List<Mappings.Entry> waiting = context.mappings().recent(TYPE, PER_TICK);
    if (waiting.isEmpty() || !lease.tryAcquire(Duration.ofSeconds(50))) {
      return;
    }
    try {
      Instant now = clock.instant();
      for (Mappings.Entry entry : waiting) {
        long conversationId = Long.parseLong(entry.localId());
        Optional<Instant> since = waitingSince(conversationId);
        if (since.isEmpty() || threads.postOf(conversationId).isPresent()) {
          answered(conversationId);
        } else if (!since.get().plus(autoAfter).isAfter(now)) {
          context.jobs().enqueue(conversationId, AUTO, Map.of());
          answered(conversationId);
        }
      }
    } finally {
      lease.release();
    }
  }

  /** When the customer's oldest message still without an agent's answer came; empty when none waits. */
  private Optional<Instant> waitingSince(long conversationId) {
    Instant since = null;
    for (MessageFacts m : context.directory().messages(conversationId, false)) {
      if ("agent".equals(m.author())) {
        since = null;
      } else if ("customer".equals(m.author()) && since == null) {
        since = m.at();
      }
    }
    boolean open = context.directory().conversation(conversationId).map(c -> !"CLOSED".equals(c.status()))
        .orElse(false);
    return Optional.ofNullable(since).filter(s -> open);
  }}
