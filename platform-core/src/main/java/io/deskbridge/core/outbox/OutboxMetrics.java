package io.deskbridge.core.outbox;

import java.time.Duration;

/** What the outbox reports per module; the application publishes it (MicroProfile Metrics). */
public interface OutboxMetrics {

  void delivered(String moduleId, Duration latency);

  void retried(String moduleId);

  void dead(String moduleId);

  void rateLimited(String moduleId);
}
