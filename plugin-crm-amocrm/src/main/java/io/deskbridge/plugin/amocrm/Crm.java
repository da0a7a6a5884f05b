package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** amoCRM's contacts, leads and notes as this module uses them; every method is one or two calls. */
final class Crm {

  /** A lead id and its contact's, as the complex add returns them. */
  record LeadAndContact(long leadId, long contactId) {}

  static final long WON = 142;
  static final long LOST = 143;

  private final AmoApi api;
  private final AmoCrmConfig config;

  Crm(AmoApi api, AmoCrmConfig config) {
    this.api = api;
    this.config = config;
  }

  /** A contact whose phone (digits) or email (any case) equals the customer's, found by {@code query}. */
  Optional<Long> findContact(CustomerFacts customer) {
    Optional<String> phone = customer.phone().map(Crm::digits).filter(d -> !d.isEmpty());
    Optional<String> email = customer.email().map(e -> e.toLowerCase(Locale.ROOT));
    for (Optional<String> key : java.util.List.of(phone, email)) {
      if (key.isEmpty()) {
        continue;
      }
      Optional<JsonObject> page = api.get("/api/v4/contacts?limit=250&query=" + encode(key.get()));
      for (JsonValue c : embedded(page, "contacts")) {
        if (has(c.asJsonObject(), "PHONE", phone) || has(c.asJsonObject(), "EMAIL", email)) {
          return Optional.of(c.asJsonObject().getJsonNumber("id").longValue());
        }
      }
    }
    return Optional.empty();
  }

  /** The newest lead of the contact that is neither won nor lost, in the configured pipeline. */
  Optional<Long> findOpenLead(long contactId) {
    JsonArray linked = embedded(api.get("/api/v4/contacts/" + contactId + "?with=leads"), "leads");
    if (linked.isEmpty()) {
      return Optional.empty();
    }
    StringBuilder query = new StringBuilder("/api/v4/leads?limit=250");
    linked.forEach(l -> query.append("&filter%5Bid%5D%5B%5D=").append(l.asJsonObject().getJsonNumber("id")));
    Optional<Long> newest = Optional.empty();
    for (JsonValue v : embedded(api.get(query.toString()), "leads")) {
      JsonObject lead = v.asJsonObject();
      long status = lead.getJsonNumber("status_id").longValue();
      boolean inPipeline = config.pipelineId().map(p -> p == lead.getJsonNumber("pipeline_id").longValue())
          .orElse(true);
      long id = lead.getJsonNumber("id").longValue();
      if (status != WON && status != LOST && inPipeline && newest.map(n -> id > n).orElse(true)) {
        newest = Optional.of(id);
      }
    }
    return newest;
  }

  /** One call: the lead and a new contact with the customer's phone and email. */
  LeadAndContact addLeadWithContact(CustomerFacts customer, String leadName) {
    JsonObjectBuilder contact = Json.createObjectBuilder().add("name", customer.name());
    JsonArrayBuilder fields = Json.createArrayBuilder();
    customer.phone().ifPresent(p -> fields.add(field("PHONE", p)));
    customer.email().ifPresent(e -> fields.add(field("EMAIL", e)));
    contact.add("custom_fields_values", fields);
    JsonObject lead = lead(leadName).add("_embedded", Json.createObjectBuilder()
        .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "deskbridge")))
        .add("contacts", Json.createArrayBuilder().add(contact))).build();
    JsonObject created = api.post("/api/v4/leads/complex", Json.createArrayBuilder().add(lead).build())
        .asJsonArray().getJsonObject(0);
    return new LeadAndContact(created.getJsonNumber("id").longValue(), created.getJsonNumber("contact_id").longValue());
  }

  long addLead(long contactId, String leadName) {
    JsonObject lead = lead(leadName).add("_embedded", Json.createObjectBuilder()
        .add("tags", Json.createArrayBuilder().add(Json.createObjectBuilder().add("name", "deskbridge")))
        .add("contacts", Json.createArrayBuilder().add(Json.createObjectBuilder().add("id", contactId)))).build();
    JsonObject answer = api.post("/api/v4/leads", Json.createArrayBuilder().add(lead).build()).asJsonObject();
    return answer.getJsonObject("_embedded").getJsonArray("leads").getJsonObject(0).getJsonNumber("id").longValue();
  }

  /** Several notes on one lead in one request; their ids in the order given. */
  List<Long> addNotes(long leadId, List<String> texts) {
    JsonArrayBuilder items = Json.createArrayBuilder();
    texts.forEach(text -> items.add(Json.createObjectBuilder().add("note_type", "common")
        .add("params", Json.createObjectBuilder().add("text", text))));
    JsonArray created = api.post("/api/v4/leads/" + leadId + "/notes", items.build()).asJsonObject()
        .getJsonObject("_embedded").getJsonArray("notes");
    if (created.size() != texts.size()) {
      throw AmoCallFailed.retry(null, "amoCRM answered " + created.size() + " notes for " + texts.size());
    }
    Long[] ids = new Long[texts.size()];
    for (int i = 0; i < created.size(); i++) {
      JsonObject note = created.getJsonObject(i);
      // request_id is the item's index in our array; amoCRM documents it, so trust it over the order.
      int at = note.containsKey("request_id") ? Integer.parseInt(note.getString("request_id", "" + i)) : i;
      ids[at] = note.getJsonNumber("id").longValue();
    }
    return Arrays.asList(ids);
  }

  /** The notes of the lead whose text contains one of {@code markers}: repeats of a job whose answer was lost. */
  Map<String, Long> findNotes(long leadId, Set<String> markers) {
    Map<String, Long> found = new HashMap<>();
    for (int page = 1; page < 100 && found.size() < markers.size(); page++) {
      Optional<JsonObject> answer = api.get("/api/v4/leads/" + leadId + "/notes?limit=250&page=" + page);
      for (JsonValue v : embedded(answer, "notes")) {
        JsonObject params = v.asJsonObject().getJsonObject("params");
        String text = params == null ? "" : params.getString("text", "");
        for (String marker : markers) {
          if (text.contains(marker)) {
            found.put(marker, v.asJsonObject().getJsonNumber("id").longValue());
          }
        }
      }
      if (answer.isEmpty() || !answer.get().getJsonObject("_links").containsKey("next")) {
        break;
      }
    }
    return found;
  }

  JsonObject account() {
    return api.get("/api/v4/account").orElseThrow(() -> AmoCallFailed.failed("amoCRM sent no account"));
  }

  /** The account's id in the Chats API, which a channel connects to. */
  String amojoId() {
    JsonObject account = api.get("/api/v4/account?with=amojo_id")
        .orElseThrow(() -> AmoCallFailed.failed("amoCRM sent no account"));
    String id = account.getString("amojo_id", "");
    if (id.isEmpty()) {
      throw AmoCallFailed.failed("amoCRM did not tell the account's amojo_id: is the Chats API enabled for it?");
    }
    return id;
  }

  /** Shows a Chats API chat on the contact's card, so managers see it beside the contact's leads. */
  void linkChat(String chatId, long contactId) {
    api.post("/api/v4/contacts/chats", Json.createArrayBuilder().add(Json.createObjectBuilder()
        .add("chat_id", chatId).add("contact_id", contactId)).build());
  }

  private JsonObjectBuilder lead(String name) {
    JsonObjectBuilder lead = Json.createObjectBuilder().add("name", name);
    config.pipelineId().ifPresent(p -> lead.add("pipeline_id", p));
    config.statusId().ifPresent(s -> lead.add("status_id", s));
    return lead;
  }

  private static JsonObject field(String code, String value) {
    return Json.createObjectBuilder().add("field_code", code).add("values", Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("enum_code", "WORK").add("value", value))).build();
  }

  private static boolean has(JsonObject contact, String code, Optional<String> wanted) {
    if (wanted.isEmpty() || !(contact.get("custom_fields_values") instanceof JsonArray fields)) {
      return false;
    }
    for (JsonValue f : fields) {
      if (!code.equals(f.asJsonObject().getString("field_code", ""))) {
        continue;
      }
      for (JsonValue v : f.asJsonObject().getJsonArray("values")) {
        String value = v.asJsonObject().getString("value", "");
        String normal = code.equals("PHONE") ? digits(value) : value.toLowerCase(Locale.ROOT);
        if (normal.equals(wanted.get())) {
          return true;
        }
      }
    }
    return false;
  }

  private static JsonArray embedded(Optional<JsonObject> answer, String name) {
    return answer.map(a -> a.getJsonObject("_embedded")).map(e -> e.getJsonArray(name))
        .orElse(JsonValue.EMPTY_JSON_ARRAY);
  }

  /** Phone digits with Russia's trunk prefix 8 read as the country code 7, as amoCRM users type both. */
  static String digits(String phone) {
    String d = phone.replaceAll("\\D", "");
    return d.length() == 11 && d.startsWith("8") ? "7" + d.substring(1) : d;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
