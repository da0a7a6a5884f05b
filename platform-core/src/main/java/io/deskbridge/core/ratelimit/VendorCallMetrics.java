package io.deskbridge.core.ratelimit;

import java.time.Duration;

/**
 * What the platform's pacers report per module; the application publishes it (MicroProfile Metrics).
 * A paced call holds its place from its turn until a window after its answer, so the time from turn to
 * answer (the vendor's round trip, and however long the request took to leave) sets how close to its
 * limit a module can get: permits ÷ (window + that time) calls a second at most.
 */
public interface VendorCallMetrics {

  /** A call of {@code moduleId} had its answer {@code held} after its turn came. */
  void answered(String moduleId, Duration held);
}
