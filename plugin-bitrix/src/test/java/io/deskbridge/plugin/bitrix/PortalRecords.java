package io.deskbridge.plugin.bitrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.plugin.bitrix.FakeBitrix24.Refusal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The CRM inside {@link FakeBitrix24}: contacts, leads, deals and timeline comments, validated as a
 * portal does (stages of the deal's pipeline, lead statuses, existing contacts) and listed 50 at a time.
 */
final class PortalRecords {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> LEAD_STATUSES = Set.of("NEW", "IN_PROCESS", "PROCESSED", "CONVERTED", "JUNK");
  private static final Set<String> DEAL_STAGES = Set.of("NEW", "PREPARATION", "EXECUTING", "WON", "LOSE");
  /** Pipelines of the portal: the general one (0) and "Support" (2), whose stages are prefixed C2:. */
  private static final Set<Long> CATEGORIES = Set.of(0L, 2L);
  private static final Set<String> MULTI_FIELDS = Set.of("PHONE", "EMAIL", "IM", "WEB");

  private final AtomicLong ids = new AtomicLong(100);
  private final Map<String, Map<Long, ObjectNode>> records = Map.of("contact", new LinkedHashMap<>(),
      "lead", new LinkedHashMap<>(), "deal", new LinkedHashMap<>());
  private final List<ObjectNode> comments = new ArrayList<>();

  synchronized ObjectNode call(String method, ObjectNode params, ObjectNode envelope) {
    String[] parts = method.split("\\.");
    if (parts.length == 3 && parts[0].equals("crm") && records.containsKey(parts[1])) {
      return entity(parts[1], parts[2], params, envelope);
    }
    if (method.equals("crm.timeline.comment.add")) {
      return envelope.put("result", addComment(params.path("fields")));
    }
    if (method.equals("crm.timeline.comment.list")) {
      JsonNode filter = params.path("filter");
      return page(comments.stream().filter(c -> matches(c, filter)).toList(), params, envelope);
    }
    throw new Refusal(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
  }

  synchronized List<JsonNode> all(String type) {
    return records.get(type).values().stream().map(r -> (JsonNode) r.deepCopy()).toList();
  }

  synchronized List<JsonNode> comments(String type, long id) {
    return comments.stream().filter(c -> c.path("ENTITY_TYPE").asText().equals(type)
        && c.path("ENTITY_ID").asText().equals(Long.toString(id))).map(c -> (JsonNode) c.deepCopy()).toList();
  }

  synchronized void update(String type, long id, ObjectNode fields) {
    ObjectNode record = records.get(type).get(id);
    if (record == null) {
      throw new Refusal(400, "", "Not found");
    }
    validate(type, fields, record);
    fields.fields().forEachRemaining(f -> record.set(f.getKey(), stored(f.getKey(), f.getValue())));
  }

  private ObjectNode entity(String type, String verb, ObjectNode params, ObjectNode envelope) {
    switch (verb) {
      case "add" -> {
        ObjectNode fields = params.path("fields") instanceof ObjectNode f ? f : JSON.createObjectNode();
        validate(type, fields, null);
        long id = ids.incrementAndGet();
        ObjectNode record = JSON.createObjectNode().put("ID", Long.toString(id))
            .put("DATE_CREATE", OffsetDateTime.now().toString());
        if (type.equals("deal")) {
          long category = fields.path("CATEGORY_ID").asLong(0);
          record.put("CATEGORY_ID", Long.toString(category)).put("STAGE_ID", stage(category, "NEW"));
        } else if (type.equals("lead")) {
          record.put("STATUS_ID", "NEW");
        }
        fields.fields().forEachRemaining(f -> record.set(f.getKey(), stored(f.getKey(), f.getValue())));
        records.get(type).put(id, record);
        return envelope.put("result", id);
      }
      case "get" -> {
        ObjectNode record = records.get(type).get(params.path("id").asLong(-1));
        if (record == null) {
          throw new Refusal(400, "", "Not found");
        }
        return (ObjectNode) envelope.set("result", record.deepCopy());
      }
      case "update" -> {
        update(type, params.path("id").asLong(-1), params.path("fields") instanceof ObjectNode f ? f
            : JSON.createObjectNode());
        return envelope.put("result", true);
      }
      case "list" -> {
        JsonNode filter = params.path("filter");
        return page(records.get(type).values().stream().filter(r -> matches(r, filter)).toList(), params, envelope);
      }
      default -> throw new Refusal(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }
  }

  private void validate(String type, JsonNode fields, ObjectNode existing) {
    if (type.equals("contact") && existing == null && fields.path("NAME").asText("").isBlank()
        && fields.path("LAST_NAME").asText("").isBlank()) {
      throw new Refusal(400, "", "One of the fields must be filled in: Name, Last name.");
    }
    if (fields.has("CONTACT_ID") && !records.get("contact").containsKey(fields.path("CONTACT_ID").asLong(-1))) {
      throw new Refusal(400, "", "Contact with ID " + fields.path("CONTACT_ID").asText() + " is not found.");
    }
    if (type.equals("lead") && fields.has("STATUS_ID") && !LEAD_STATUSES.contains(fields.path("STATUS_ID").asText())) {
      throw new Refusal(400, "", "Status ID " + fields.path("STATUS_ID").asText() + " is not found.");
    }
    if (type.equals("deal")) {
      long category = existing != null ? existing.path("CATEGORY_ID").asLong(0) : fields.path("CATEGORY_ID").asLong(0);
      if (!CATEGORIES.contains(category)) {
        throw new Refusal(400, "", "Category ID " + category + " is not found.");
      }
      String stage = fields.path("STAGE_ID").asText("");
      if (!stage.isEmpty() && DEAL_STAGES.stream().noneMatch(s -> stage(category, s).equals(stage))) {
        throw new Refusal(400, "", "Stage " + stage + " is not in the deal's pipeline " + category + ".");
      }
    }
  }

  private long addComment(JsonNode fields) {
    String type = fields.path("ENTITY_TYPE").asText("").toLowerCase(Locale.ROOT);
    long entityId = fields.path("ENTITY_ID").asLong(-1);
    if (!records.containsKey(type) || !records.get(type).containsKey(entityId)) {
      throw new Refusal(400, "", "Entity not found.");
    }
    if (fields.path("COMMENT").asText("").isBlank()) {
      throw new Refusal(400, "", "COMMENT is empty.");
    }
    long id = ids.incrementAndGet();
    comments.add(JSON.createObjectNode().put("ID", Long.toString(id)).put("ENTITY_ID", Long.toString(entityId))
        .put("ENTITY_TYPE", type).put("CREATED", OffsetDateTime.now().toString())
        .put("COMMENT", fields.path("COMMENT").asText()));
    return id;
  }

  /** Fixed pages of 50 from {@code start}; {@code next} only when more follow. */
  private static ObjectNode page(List<ObjectNode> all, ObjectNode params, ObjectNode envelope) {
    int start = Math.max(0, params.path("start").asInt(0));
    ArrayNode items = envelope.putArray("result");
    all.stream().skip(start).limit(FakeBitrix24.PAGE).forEach(r -> items.add(r.deepCopy()));
    if (start + FakeBitrix24.PAGE < all.size()) {
      envelope.put("next", start + FakeBitrix24.PAGE);
    }
    return envelope.put("total", all.size());
  }

  /** Filter keys may carry an operator prefix; "=" (the default) is the only one this portal knows. */
  private static boolean matches(JsonNode record, JsonNode filter) {
    for (Iterator<Map.Entry<String, JsonNode>> it = filter.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String field = f.getKey().startsWith("=") ? f.getKey().substring(1) : f.getKey();
      String wanted = f.getValue().asText();
      if (MULTI_FIELDS.contains(field)) {
        boolean any = false;
        for (JsonNode v : record.path(field)) {
          any |= field.equals("PHONE") ? digits(v.path("VALUE").asText()).equals(digits(wanted))
              : v.path("VALUE").asText().equalsIgnoreCase(wanted);
        }
        if (!any) {
          return false;
        }
      } else if (!record.path(field).asText("").equalsIgnoreCase(wanted)) {
        return false;
      }
    }
    return true;
  }

  /** Bitrix24 answers every value as a string; multi-fields get their own ids. */
  private JsonNode stored(String field, JsonNode value) {
    if (MULTI_FIELDS.contains(field) && value.isArray()) {
      ArrayNode values = JSON.createArrayNode();
      for (JsonNode v : value) {
        values.addObject().put("ID", Long.toString(ids.incrementAndGet())).put("VALUE_TYPE",
            v.path("VALUE_TYPE").asText("WORK")).put("VALUE", v.path("VALUE").asText()).put("TYPE_ID", field);
      }
      return values;
    }
    return value.isValueNode() ? JSON.getNodeFactory().textNode(value.asText()) : value.deepCopy();
  }

  private static String stage(long category, String stage) {
    return category == 0 ? stage : "C" + category + ":" + stage;
  }

  private static String digits(String phone) {
    String d = phone.replaceAll("\\D", "");
    return d.length() == 11 && d.startsWith("8") ? "7" + d.substring(1) : d;
  }
}
