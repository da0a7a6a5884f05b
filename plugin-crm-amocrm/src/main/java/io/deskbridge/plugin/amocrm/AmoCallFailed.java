package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;

/** A call to amoCRM that did not succeed, with what the outbox should do about it. */
final class AmoCallFailed extends RuntimeException {

  private final DeliveryResult result;

  private AmoCallFailed(DeliveryResult result) {
    super(result.detail(), null, false, false);
    this.result = result;
  }

  static AmoCallFailed retry(Duration wait, String detail) {
    return new AmoCallFailed(wait == null ? DeliveryResult.retry(detail) : DeliveryResult.retryAfter(wait, detail));
  }

  static AmoCallFailed failed(String detail) {
    return new AmoCallFailed(DeliveryResult.failed(detail));
  }

  DeliveryResult result() {
    return result;
  }
}
