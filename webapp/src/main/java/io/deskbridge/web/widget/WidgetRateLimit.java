package io.deskbridge.web.widget;

import io.deskbridge.core.ratelimit.CountingWindow;
import io.deskbridge.core.ratelimit.SharedRateLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps one visitor, or one address, from flooding a tenant's inbox through the public widget API.
 * One-minute windows per key, opened by the key's first call, counted in the database every instance
 * shares: behind a load balancer the limit holds for the cluster as a whole, not per instance
 * (README "Chat widget"). Only the widget uses it.
 */
@ApplicationScoped
public class WidgetRateLimit {

  private static final Duration WINDOW = Duration.ofMinutes(1);

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

  @Inject SharedRateLimits limits;

  void newVisitor(String address) {
    take("widget-start:" + address, visitorsPerAddress);
  }

  void message(String visitorToken, String address) {
    take("widget-send:" + visitorToken, messagesPerVisitor);
    take("widget-send-ip:" + address, messagesPerAddress);
  }

  /** Polling every two seconds is 30 reads a minute; the bound only stops runaway loops. */
  void read(String visitorToken, String address) {
    take("widget-read:" + visitorToken, 10 * messagesPerVisitor);
    take("widget-read-ip:" + address, 10 * messagesPerAddress);
  }

  private void take(String key, int limit) {
    CountingWindow window = limits.count(key, WINDOW);
    if (window.isOver(limit)) {
      throw new RateLimitExceeded(limit, window.secondsLeft(clock.instant()));
    }
  }
}
