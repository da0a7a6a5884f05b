package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.spi.PluginContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The JSON body of one webhook request:
 * {@code {"id", "event", "tenant", "occurredAt", "data": {…}, "links": {"conversation"}}}; {@code links}
 * only when the event concerns a conversation.
 */
final class WebhookPayload {

  static final String PING = "ping";

  private final PluginContext context;

  WebhookPayload(PluginContext context) {
    this.context = context;
  }

  byte[] of(String id, DomainEvent event) {
    JsonObject data = EventData.of(event);
    JsonObjectBuilder payload = envelope(id, event.type(), event.occurredAt()).add("data", data);
    if (data.containsKey("conversationId")) {
      long conversationId = data.getJsonNumber("conversationId").longValueExact();
      payload.add("links", Json.createObjectBuilder().add("conversation", context.dialogLink(conversationId)));
    }
    return bytes(payload);
  }

  /** What "Test connection" sends: signed like an event, with an empty {@code data}. */
  byte[] ping(String id) {
    return bytes(envelope(id, PING, context.clock().instant()).add("data", JsonValue.EMPTY_JSON_OBJECT));
  }

  private JsonObjectBuilder envelope(String id, String type, Instant occurredAt) {
    return Json.createObjectBuilder()
        .add("id", id)
        .add("event", type)
        .add("tenant", context.tenantSlug())
        .add("occurredAt", occurredAt.toString());
  }

  private static byte[] bytes(JsonObjectBuilder payload) {
    return payload.build().toString().getBytes(StandardCharsets.UTF_8);
  }
}
