package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;

/** A call to amoCRM that did not succeed, with what the outbox should do about it. */
final class AmoCallFailed extends RuntimeException {

  private final DeliveryResult result;
  private final boolean refused;

  private AmoCallFailed(DeliveryResult result, boolean refused) {
    super(result.detail(), null, false, false);
    this.result = result;
    this.refused = refused;
  }

  static AmoCallFailed retry(Duration wait, String detail) {
    return new AmoCallFailed(wait == null ? DeliveryResult.retry(detail) : DeliveryResult.retryAfter(wait, detail),
        false);
  }

  static AmoCallFailed failed(String detail) {
    return new AmoCallFailed(DeliveryResult.failed(detail), false);
  }

  /** amoCRM answered with a 4xx: the request surely changed nothing (unlike a timeout or a 5xx). */
  AmoCallFailed refusedByAmoCrm() {
    return new AmoCallFailed(result, true);
  }

  boolean isRefusal() {
    return refused;
  }

  DeliveryResult result() {
    return result;
  }
}
