package io.deskbridge.plugin.amocrm;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;

/** A lead as amoCRM lists it: where it stands, its budget and its tags. */
record Lead(long id, long pipelineId, long statusId, long price, List<String> tags) {

  static final long WON = 142;
  static final long LOST = 143;

  Lead {
    tags = List.copyOf(tags);
  }

  /** Won and lost are the two closing stages every pipeline has, with the same ids in every account. */
  boolean isClosed() {
    return statusId == WON || statusId == LOST;
  }

  static Lead from(JsonObject lead) {
    List<String> tags = new ArrayList<>();
    if (lead.get("_embedded") instanceof JsonObject embedded && embedded.get("tags") instanceof JsonArray list) {
      for (JsonValue tag : list) {
        tags.add(tag.asJsonObject().getString("name", ""));
      }
    }
    return new Lead(lead.getJsonNumber("id").longValue(), number(lead, "pipeline_id"), number(lead, "status_id"),
        number(lead, "price"), tags);
  }

  private static long number(JsonObject o, String key) {
    return o.get(key) instanceof jakarta.json.JsonNumber n ? n.longValue() : 0;
  }
}
