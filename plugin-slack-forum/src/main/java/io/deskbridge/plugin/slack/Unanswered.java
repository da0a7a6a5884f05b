package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.MessageFacts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Conversations whose customer waits for an agent, kept as an index in the module's mappings. On the
 * platform's minute tick one server of the cluster (a {@link Lease}) queues an {@code auto} job for
 * each conversation waiting longer than {@code autoAfter}; the job asks, and {@link ForumThreads}
 * keeps it to one post even if two jobs ever meet.
 */
final class Unanswered {

  static final String AUTO = "auto";
  private static final String TYPE = "pending";
  private static final String INDEX = "index";
  private static final int INDEX_CHARS = 480;

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
    change(ids -> {
      if (!ids.contains(Long.toString(conversationId))) {
        ids.add(Long.toString(conversationId));
      }
      return ids;
    });
  }

  void answered(long conversationId) {
    change(ids -> {
      ids.remove(Long.toString(conversationId));
      return ids;
    });
  }

  void tick() {
    if (context.mappings().remoteId(TYPE, INDEX).filter(v -> !v.isEmpty()).isEmpty()
        || !lease.tryAcquire(Duration.ofSeconds(50))) {
      return;
    }
    try {
      Instant now = clock.instant();
      for (String id : ids()) {
        long conversationId = Long.parseLong(id);
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
  }

  private List<String> ids() {
    String value = context.mappings().remoteId(TYPE, INDEX).orElse("");
    return value.isEmpty() ? List.of() : List.of(value.split(" "));
  }

  private void change(UnaryOperator<List<String>> edit) {
    Mappings mappings = context.mappings();
    for (int attempt = 0; attempt < 20; attempt++) {
      Optional<String> current = mappings.remoteId(TYPE, INDEX);
      List<String> ids = new ArrayList<>(current.filter(v -> !v.isEmpty())
          .map(v -> Arrays.asList(v.split(" "))).orElse(List.of()));
      List<String> edited = edit.apply(ids);
      // A mapping value holds 500 characters: past that the longest-waiting ones were asked already
      // or answered by now, and the SLA warning still asks for them.
      while (String.join(" ", edited).length() > INDEX_CHARS) {
        edited.remove(0);
      }
      String next = String.join(" ", edited);
      if (current.orElse("").equals(next) || mappings.compareAndSet(TYPE, INDEX, current.orElse(null), next)) {
        return;
      }
    }
  }
}
