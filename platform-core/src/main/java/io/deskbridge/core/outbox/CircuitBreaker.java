package io.deskbridge.core.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops hammering a vendor that keeps failing: after {@value #TRIP_AFTER} passing failures in a row
 * for one (tenant, module), its jobs wait {@code openFor} (30 s by default) without using attempts;
 * the first delivery after that decides whether it closes again.
 */
final class CircuitBreaker {

  static final int TRIP_AFTER = 5;
  static final Duration OPEN_FOR = Duration.ofSeconds(30);

  private final Duration openFor;

  CircuitBreaker() {
    this(OPEN_FOR);
  }

  CircuitBreaker(Duration openFor) {
    this.openFor = openFor;
  }

  private record State(int failures, Instant openUntil) {}

  private final Map<String, State> states = new ConcurrentHashMap<>();

  /** Until when calls are held back, or null when they may go. */
  Instant openUntil(String key, Instant now) {
    State s = states.get(key);
    return s != null && s.openUntil() != null && now.isBefore(s.openUntil()) ? s.openUntil() : null;
  }

  void succeeded(String key) {
    states.remove(key);
  }

  void failed(String key, Instant now) {
    states.compute(key, (k, s) -> {
      int failures = (s == null ? 0 : s.failures()) + 1;
      return new State(failures, failures >= TRIP_AFTER ? now.plus(openFor) : null);
    });
  }
}
