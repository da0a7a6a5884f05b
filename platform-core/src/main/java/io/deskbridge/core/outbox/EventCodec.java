package io.deskbridge.core.outbox;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.EventTypes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.Instant;

/**
 * Stores domain events in outbox rows as JSON and reads them back into the same records. Events are
 * flat records of ids, strings, instants and enums, which is all this codec needs to know.
 */
public final class EventCodec {

  private EventCodec() {}

  public static String encode(DomainEvent event) {
    JsonObjectBuilder json = Json.createObjectBuilder();
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      Object value = read(component, event);
      String name = component.getName();
      if (value == null) {
        json.addNull(name);
      } else if (value instanceof Long l) {
        json.add(name, l);
      } else {
        json.add(name, value.toString());
      }
    }
    return json.build().toString();
  }

  public static DomainEvent decode(String type, String payload) {
    Class<? extends DomainEvent> recordClass = EventTypes.classOf(type)
        .orElseThrow(() -> new IllegalArgumentException("Unknown event type " + type));
    JsonObject json = Json.createReader(new StringReader(payload)).readObject();
    RecordComponent[] components = recordClass.getRecordComponents();
    Object[] args = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
      args[i] = value(types[i], json.get(components[i].getName()));
    }
    try {
      Constructor<? extends DomainEvent> constructor = recordClass.getDeclaredConstructor(types);
      return constructor.newInstance(args);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("Cannot rebuild event " + type, e);
    }
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Object value(Class<?> type, JsonValue json) {
    if (json == null || json.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (type == long.class || type == Long.class) {
      return json.getValueType() == JsonValue.ValueType.NUMBER
          ? ((jakarta.json.JsonNumber) json).longValue()
          : Long.parseLong(((jakarta.json.JsonString) json).getString());
    }
    String text = ((jakarta.json.JsonString) json).getString();
    if (type == Instant.class) {
      return Instant.parse(text);
    }
    if (type.isEnum()) {
      return Enum.valueOf((Class<? extends Enum>) type, text);
    }
    return text;
  }

  private static Object read(RecordComponent component, DomainEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }
}
