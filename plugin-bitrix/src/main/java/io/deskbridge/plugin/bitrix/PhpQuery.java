package io.deskbridge.plugin.bitrix;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Parameters in PHP's bracketed query syntax ({@code fields[PHONE][0][VALUE]=+7999}), the only form
 * a {@code batch} sub-command accepts: each one is {@code method?query}.
 */
final class PhpQuery {

  private PhpQuery() {}

  static String encode(JsonObject params) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, JsonValue> e : params.entrySet()) {
      append(out, e.getKey(), e.getValue());
    }
    return out.toString();
  }

  private static void append(StringBuilder out, String key, JsonValue value) {
    if (value instanceof JsonObject object) {
      object.forEach((k, v) -> append(out, key + "[" + k + "]", v));
    } else if (value instanceof JsonArray array) {
      for (int i = 0; i < array.size(); i++) {
        append(out, key + "[" + i + "]", array.get(i));
      }
    } else {
      out.append(out.length() == 0 ? "" : "&").append(encode(key)).append('=').append(encode(scalar(value)));
    }
  }

  private static String scalar(JsonValue value) {
    if (value instanceof JsonString s) {
      return s.getString();
    }
    if (value instanceof JsonNumber n) {
      return n.toString();
    }
    return switch (value.getValueType()) {
      case TRUE -> "Y";
      case FALSE -> "N";
      default -> "";
    };
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
