package io.deskbridge.plugin.jira;

import jakarta.json.JsonObject;
import java.util.Optional;

/**
 * An issue's status with its category ({@code new}, {@code indeterminate}, {@code done}). Decisions
 * go by the category: workflows rename statuses and add custom ones ("Shipped", "Won't fix"), but
 * every status belongs to one of the three categories.
 */
record IssueStatus(String name, String category) {

  /** From an issue's {@code fields}; empty when the status or its category is not in them. */
  static Optional<IssueStatus> of(JsonObject fields) {
    if (fields == null || !(fields.get("status") instanceof JsonObject status)
        || !(status.get("statusCategory") instanceof JsonObject category) || !category.containsKey("key")) {
      return Optional.empty();
    }
    return Optional.of(new IssueStatus(status.getString("name", "?"), category.getString("key")));
  }

  /** As kept in the mappings: {@code done|Shipped}. */
  String stored() {
    return category + "|" + name;
  }

  static Optional<IssueStatus> parse(String stored) {
    int bar = stored.indexOf('|');
    return bar < 0 ? Optional.empty()
        : Optional.of(new IssueStatus(stored.substring(bar + 1), stored.substring(0, bar)));
  }
}
