package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;

/** A call to Bitrix24 that did not succeed, with what the outbox should do about it. */
final class PortalCallFailed extends RuntimeException {

  private final DeliveryResult result;
  private final boolean refused;

  private PortalCallFailed(DeliveryResult result, boolean refused) {
    super(result.detail(), null, false, false);
    this.result = result;
    this.refused = refused;
  }

  static PortalCallFailed retry(Duration wait, String detail) {
    return new PortalCallFailed(wait == null ? DeliveryResult.retry(detail) : DeliveryResult.retryAfter(wait, detail),
        false);
  }

  static PortalCallFailed failed(String detail) {
    return new PortalCallFailed(DeliveryResult.failed(detail), false);
  }

  /** Bitrix24 answered with an error of its own: the request surely changed nothing (unlike a timeout or a 5xx). */
  PortalCallFailed refusedByPortal() {
    return new PortalCallFailed(result, true);
  }

  boolean isRefusal() {
    return refused;
  }

  DeliveryResult result() {
    return result;
  }
}
