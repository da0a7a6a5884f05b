package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import java.io.IOException;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/**
 * One tenant's outgoing webhook: each wanted event becomes one signed POST to the tenant's receiver.
 * A repeated delivery carries the same {@code X-Deskbridge-Delivery}, so receivers can drop repeats.
 */
final class WebhookPlugin implements Plugin {

  private final PluginContext context;
  private final WebhookConfig config;
  private final WebhookPayload payload;
  private final Receiver receiver;

  WebhookPlugin(PluginContext context, WebhookConfig config) {
    this.context = context;
    this.config = config;
    this.payload = new WebhookPayload(context);
    this.receiver = new Receiver(config, context.clock());
  }

  @Override
  public boolean wants(DomainEvent event) {
    return config.covers(event);
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    if (delivery.domainEvent().isEmpty()) {
      return DeliveryResult.failed(
          "Outgoing webhooks offer no agent actions; job " + delivery.jobId() + " has no event.");
    }
    DomainEvent event = delivery.event();
    if (!config.covers(event)) {
      // Queued before the tenant narrowed the settings: a note must not leave after notes were turned off.
      return new DeliveryResult(
          DeliveryResult.Outcome.DONE, "Not sent: the webhook settings no longer include it.", null);
    }
    String id = Objects.requireNonNullElse(delivery.idempotencyKey(), "job:" + delivery.jobId());
    byte[] body;
    try {
      body = payload.of(id, event);
    } catch (IllegalArgumentException e) {
      return DeliveryResult.failed(e.getMessage());
    }
    return post(event.type(), id, body,
        answer -> answer.outcome(context.clock().instant()), DeliveryResult::retry);
  }

  @Override
  public ConnectionCheck testConnection() {
    String id = WebhookPayload.PING + ":" + UUID.randomUUID();
    return post(WebhookPayload.PING, id, payload.ping(id),
        answer -> answer.isSuccess()
            ? ConnectionCheck.ok("Receiver answered " + answer.status())
            : ConnectionCheck.failed(answer.summary()),
        ConnectionCheck::failed);
  }

  private <T> T post(String type, String id, byte[] body, Function<ReceiverAnswer, T> answered,
      Function<String, T> unanswered) {
    try {
      return answered.apply(receiver.post(type, id, body));
    } catch (IOException e) {
      return unanswered.apply(receiver.describe(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return unanswered.apply("Interrupted before the receiver answered.");
    }
  }

  @Override
  public String toString() {
    return "WebhookPlugin[tenant=" + context.tenantSlug() + ", " + config + "]";
  }
}
