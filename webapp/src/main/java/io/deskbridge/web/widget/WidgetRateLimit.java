package io.deskbridge.web.widget;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one visitor, or one address, from flooding a tenant's inbox through the public widget API.
 * Counts live in this instance's memory, one-minute windows per key: behind a load balancer each
 * instance enforces the limit on its own share (README "Chat widget"). Only the widget uses it.
 */
@ApplicationScoped
public class WidgetRateLimit {

  private static final Duration WINDOW = Duration.ofMinutes(1);
  /** Above this many keys, finished windows are dropped so the map cannot grow without end. */
  private static final int SWEEP_ABOVE = 10_000;

  @Inject
  @ConfigProperty(name = "deskbridge.widget.messages-per-minute", defaultValue = "20")
  int messagesPerVisitor;

  @Inject
  @ConfigProperty(name = "deskbridge.widget.ip-messages-per-minute", defaultValue = "60")
  int messagesPerAddress;

  @Inject
  @ConfigProperty(name = "deskbridge.widget.ip-visitors-per-minute", defaultValue = "30")
  int visitorsPerAddress;

  @Inject Clock clock;

  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  void newVisitor(String address) {
    take("start:" + address, visitorsPerAddress);
  }

  void message(String visitorToken, String address) {
    take("send:" + visitorToken, messagesPerVisitor);
    take("send-ip:" + address, messagesPerAddress);
  }

  /** Polling every two seconds is 30 reads a minute; the bound only stops runaway loops. */
  void read(String visitorToken, String address) {
    take("read:" + visitorToken, 10 * messagesPerVisitor);
    take("read-ip:" + address, 10 * messagesPerAddress);
  }

  private void take(String key, int limit) {
    Instant now = clock.instant();
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(w -> !w.end.isAfter(now));
    }
    Window window = windows.compute(key, (k, w) -> w == null || !w.end.isAfter(now)
        ? new Window(now.plus(WINDOW), 1) : new Window(w.end, w.count + 1));
    if (window.count > limit) {
      long wait = Math.max(1, Duration.between(now, window.end).toSeconds() + 1);
      throw new RateLimitExceeded(limit, wait);
    }
  }

  private record Window(Instant end, int count) {}
}
