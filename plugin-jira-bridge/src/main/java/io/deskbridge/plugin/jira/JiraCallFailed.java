package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;

/** A call to Jira that did not succeed, with what the outbox should do about it. */
final class JiraCallFailed extends RuntimeException {

  private final DeliveryResult result;
  private final int status;

  private JiraCallFailed(DeliveryResult result, int status) {
    super(result.detail(), null, false, false);
    this.result = result;
    this.status = status;
  }

  static JiraCallFailed retry(Duration wait, String detail, int status) {
    return new JiraCallFailed(wait == null ? DeliveryResult.retry(detail) : DeliveryResult.retryAfter(wait, detail),
        status);
  }

  static JiraCallFailed failed(String detail, int status) {
    return new JiraCallFailed(DeliveryResult.failed(detail), status);
  }

  /** The HTTP status Jira answered, or 0 when it did not answer at all. */
  int status() {
    return status;
  }

  DeliveryResult result() {
    return result;
  }
}
