package io.deskbridge.plugin.webhook;

import io.deskbridge.core.event.DomainEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

/**
 * The {@code data} object of a webhook: every component of the event record under its own name,
 * ids as numbers, enums by name, instants in ISO-8601 UTC, absent values as JSON null. Reading the
 * record's components keeps the payload in step with the event without a mapping to maintain.
 */
final class EventData {

  private EventData() {}

  static JsonObject of(DomainEvent event) {
    JsonObjectBuilder data = Json.createObjectBuilder();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      add(data, component.getName(), valueOf(component, event));
    }
    return data.build();
  }

  private static Object valueOf(RecordComponent component, DomainEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("Cannot read " + component.getName() + " of " + event.type(), e);
    }
  }

  private static void add(JsonObjectBuilder data, String name, Object value) {
    if (value == null) {
      data.addNull(name);
    } else if (value instanceof Long || value instanceof Integer) {
      data.add(name, ((Number) value).longValue());
    } else if (value instanceof Boolean b) {
      data.add(name, b);
    } else if (value instanceof String s) {
      data.add(name, s);
    } else if (value instanceof Enum<?> e) {
      data.add(name, e.name());
    } else if (value instanceof Instant instant) {
      data.add(name, instant.toString());
    } else {
      // A new kind of event field needs a decision on its JSON form; WebhookPayloadTest tries every event.
      throw new IllegalArgumentException(
          name + " has a type webhooks cannot send yet: " + value.getClass().getName());
    }
  }
}
