package io.deskbridge.plugin.jira;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The readable text of a Jira comment body: Cloud sends an Atlassian Document, Data Center a wiki
 * string. Internal notes are plain text, so blocks become lines and marks are dropped.
 */
final class AdfText {

  private static final Set<String> BLOCKS = Set.of("paragraph", "heading", "listItem", "blockquote",
      "codeBlock", "panel", "tableRow");

  private AdfText() {}

  static String plain(JsonValue body) {
    if (body == null || body.getValueType() == JsonValue.ValueType.NULL) {
      return "";
    }
    if (body instanceof JsonString s) {
      return s.getString();
    }
    StringBuilder out = new StringBuilder();
    walk(body, out);
    return out.toString().strip();
  }

  private static void walk(JsonValue node, StringBuilder out) {
    if (node instanceof JsonArray array) {
      array.forEach(n -> walk(n, out));
    } else if (node instanceof JsonObject object) {
      String type = object.getString("type", "");
      switch (type) {
        case "text" -> out.append(object.getString("text", ""));
        case "hardBreak" -> out.append('\n');
        case "mention" -> out.append(object.getJsonObject("attrs") == null ? ""
            : object.getJsonObject("attrs").getString("text", ""));
        default -> {
          if (object.get("content") != null) {
            walk(object.get("content"), out);
          }
          if (BLOCKS.contains(type) && !out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
          }
        }
      }
    }
  }
}
