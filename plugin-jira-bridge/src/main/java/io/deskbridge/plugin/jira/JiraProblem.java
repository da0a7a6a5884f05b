package io.deskbridge.plugin.jira;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;

/**
 * Jira's error body, {@code {"errorMessages":[…],"errors":{"field":"why"}}}, as one line an agent or
 * admin can act on ("customfield_10050: Customer tier is required."). Cloud's gateway sometimes
 * answers HTML or {@code {"message":…}} instead, so anything else is shown as it came, shortened.
 */
final class JiraProblem {

  private JiraProblem() {}

  static String describe(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonObject problem = JiraApi.parse(body);
      StringBuilder s = new StringBuilder();
      if (problem.get("errorMessages") instanceof jakarta.json.JsonArray messages) {
        for (JsonValue m : messages) {
          s.append("; ").append(m instanceof JsonString text ? text.getString() : m.toString());
        }
      }
      if (problem.get("errors") instanceof JsonObject errors) {
        for (Map.Entry<String, JsonValue> e : errors.entrySet()) {
          s.append("; ").append(e.getKey()).append(": ")
              .append(e.getValue() instanceof JsonString text ? text.getString() : e.getValue().toString());
        }
      }
      if (s.isEmpty() && problem.containsKey("message")) {
        s.append("; ").append(problem.getString("message", ""));
      }
      return s.isEmpty() ? "" : ": " + s.substring(2);
    } catch (RuntimeException e) {
      return ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }
}
