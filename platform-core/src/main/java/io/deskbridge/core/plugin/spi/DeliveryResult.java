package io.deskbridge.core.plugin.spi;

import java.time.Duration;

/**
 * What became of one delivery attempt. {@code retryAfter} is the vendor's own wait when it gave one
 * (HTTP Retry-After), otherwise the outbox's backoff decides.
 */
public record DeliveryResult(Outcome outcome, String detail, Duration retryAfter) {

  public enum Outcome {
    /** Done: never try again. */
    DONE,
    /** A passing failure (timeout, 429, 5xx): try again later. */
    RETRY,
    /** A failure no retry can fix (401, 403, 404, validation): dead-letter it now. */
    FAILED
  }

  public static DeliveryResult done() {
    return new DeliveryResult(Outcome.DONE, null, null);
  }

  public static DeliveryResult retry(String detail) {
    return new DeliveryResult(Outcome.RETRY, detail, null);
  }

  public static DeliveryResult retryAfter(Duration wait, String detail) {
    return new DeliveryResult(Outcome.RETRY, detail, wait);
  }

  public static DeliveryResult failed(String detail) {
    return new DeliveryResult(Outcome.FAILED, detail, null);
  }
}
