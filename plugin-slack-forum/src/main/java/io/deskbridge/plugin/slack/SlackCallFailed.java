package io.deskbridge.plugin.slack;

import io.deskbridge.core.plugin.spi.DeliveryResult;

/** A Slack call that did not succeed, with what the outbox should do about it. */
final class SlackCallFailed extends RuntimeException {

  private final transient DeliveryResult result;

  SlackCallFailed(DeliveryResult result) {
    super(result.detail());
    this.result = result;
  }

  DeliveryResult result() {
    return result;
  }
}
