package io.deskbridge.core.plugin;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores flat maps of configuration values (strings, booleans, whole numbers, lists of strings) as
 * JSON text, and reads them back with the same Java types.
 */
public final class JsonValues {

  private JsonValues() {}

  public static String write(Map<String, ?> values) {
    JsonObjectBuilder object = Json.createObjectBuilder();
    values.forEach((key, value) -> {
      if (value == null) {
        object.addNull(key);
      } else if (value instanceof Boolean b) {
        object.add(key, b);
      } else if (value instanceof Long l) {
        object.add(key, l);
      } else if (value instanceof Integer i) {
        object.add(key, i);
      } else if (value instanceof List<?> list) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        list.forEach(item -> array.add(String.valueOf(item)));
        object.add(key, array);
      } else {
        object.add(key, value.toString());
      }
    });
    return object.build().toString();
  }

  public static Map<String, Object> read(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (json == null || json.isBlank()) {
      return values;
    }
    JsonObject object = Json.createReader(new StringReader(json)).readObject();
    object.forEach((key, value) -> values.put(key, plain(value)));
    return values;
  }

  public static Map<String, String> readStrings(String json) {
    Map<String, String> values = new LinkedHashMap<>();
    read(json).forEach((k, v) -> values.put(k, v == null ? null : v.toString()));
    return values;
  }

  private static Object plain(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> ((JsonNumber) value).longValue();
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case NULL -> null;
      case ARRAY -> {
        List<String> items = new ArrayList<>();
        value.asJsonArray().forEach(v -> items.add(v instanceof JsonString s ? s.getString() : v.toString()));
        yield items;
      }
      case OBJECT -> value.toString();
    };
  }
}
