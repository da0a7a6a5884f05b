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
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** amoCRM's contacts, leads and notes as this module uses them; every method is one or two calls. */
final class Crm {

  /** A lead id and its contact's, as the complex add returns them. */
  record LeadAndContact(long leadId, long contactId) {}

  /** What a new lead is created with; pipeline and stage come from the configuration. */
  record NewLead(String name, List<String> tags, Optional<Long> responsibleUserId) {}

  static final long WON = Lead.WON;
  static final long LOST = Lead.LOST;

  private final AmoApi api;
  private final AmoCrmConfig config;

  Crm(AmoApi api, AmoCrmConfig config) {
    this.api = api;
    this.config = config;
  }

  /**
   * The customer's contact: searched by phone, then by each messenger id, then by email, reading every
   * page of each search, so a common number or a shared domain cannot hide the right contact.
   */
  Optional<Long> findContact(CustomerFacts customer) {
    for (ContactKey key : ContactKey.of(customer)) {
      Optional<JsonObject> found = api.firstOf("/api/v4/contacts?limit=250&query=" + encode(key.query()),
          "contacts", key::matches);
      if (found.isPresent()) {
        return Optional.of(found.get().getJsonNumber("id").longValue());
      }
    }
    return Optional.empty();
  }

  /** The contact's leads, in any pipeline and stage. */
  List<Lead> leadsOf(long contactId) {
    JsonArray linked = embedded(api.get("/api/v4/contacts/" + contactId + "?with=leads"), "leads");
    if (linked.isEmpty()) {
      return List.of();
    }
    StringBuilder query = new StringBuilder("/api/v4/leads?limit=250");
    linked.forEach(l -> query.append("&filter%5Bid%5D%5B%5D=").append(l.asJsonObject().getJsonNumber("id")));
    return embedded(api.get(query.toString()), "leads").stream().map(v -> Lead.from(v.asJsonObject())).toList();
  }

  /**
   * Changes a lead; {@code tags}, when given, replace the lead's tags (amoCRM has no "add tag"), so
   * callers pass the tags it had plus theirs. Repeating the same change changes nothing.
   */
  void updateLead(long leadId, JsonObjectBuilder changes, List<String> tags) {
    if (tags != null) {
      changes.add("_embedded", Json.createObjectBuilder().add("tags", tags(tags)));
    }
    api.patch("/api/v4/leads/" + leadId, changes.build());
  }

  /** One call: the lead and a new contact with the customer's phone and email. */
  LeadAndContact addLeadWithContact(CustomerFacts customer, NewLead newLead, ContactProfile profile) {
    JsonObjectBuilder contact = Json.createObjectBuilder().add("name", customer.name());
    List<String> contactTags = profile.tagsOf(customer);
    if (!contactTags.isEmpty()) {
      contact.add("_embedded", Json.createObjectBuilder().add("tags", tags(contactTags)));
    }
    JsonArrayBuilder fields = Json.createArrayBuilder();
    profile.fieldsOf(customer, false).forEach(fields::add);
    customer.phone().ifPresent(p -> fields.add(field("PHONE", p)));
    customer.email().ifPresent(e -> fields.add(field("EMAIL", e)));
    customer.identities().values().forEach(id -> fields.add(field(ContactKey.MESSENGER, "OTHER", id)));
    contact.add("custom_fields_values", fields);
    JsonObject lead = lead(newLead).add("_embedded", Json.createObjectBuilder().add("tags", tags(newLead.tags()))
        .add("contacts", Json.createArrayBuilder().add(contact))).build();
    JsonObject created = api.post("/api/v4/leads/complex", Json.createArrayBuilder().add(lead).build())
        .asJsonArray().getJsonObject(0);
    return new LeadAndContact(created.getJsonNumber("id").longValue(), created.getJsonNumber("contact_id").longValue());
  }

  long addLead(long contactId, NewLead newLead) {
    JsonObject lead = lead(newLead).add("_embedded", Json.createObjectBuilder().add("tags", tags(newLead.tags()))
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

  /** The contact's tag names, read before replacing them (amoCRM has no "add tag"). */
  List<String> contactTags(long contactId) {
    JsonArray tags = api.get("/api/v4/contacts/" + contactId).map(c -> c.getJsonObject("_embedded"))
        .map(e -> e.getJsonArray("tags")).orElse(JsonValue.EMPTY_JSON_ARRAY);
    return tags.stream().map(t -> t.asJsonObject().getString("name", "")).toList();
  }

  /** Sets the contact's tags (all of them) and the given custom field values. */
  void updateContact(long contactId, List<String> tagNames, JsonArray fields) {
    JsonObjectBuilder changes = Json.createObjectBuilder()
        .add("_embedded", Json.createObjectBuilder().add("tags", tags(tagNames)));
    if (!fields.isEmpty()) {
      changes.add("custom_fields_values", fields);
    }
    api.patch("/api/v4/contacts/" + contactId, changes.build());
  }

  /** The account's pipelines with their stages (names for the customer card). */
  Optional<JsonObject> pipelines() {
    return api.get("/api/v4/leads/pipelines");
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

  /** The stage new leads are created at, if configured (else amoCRM picks the pipeline's first). */
  Optional<Long> newLeadStage() {
    return config.statusId();
  }

  private JsonObjectBuilder lead(NewLead newLead) {
    JsonObjectBuilder lead = Json.createObjectBuilder().add("name", newLead.name());
    newLead.responsibleUserId().ifPresent(u -> lead.add("responsible_user_id", u));
    config.pipelineId().ifPresent(p -> lead.add("pipeline_id", p));
    config.statusId().ifPresent(s -> lead.add("status_id", s));
    return lead;
  }

  private static JsonArrayBuilder tags(List<String> names) {
    JsonArrayBuilder tags = Json.createArrayBuilder();
    names.forEach(name -> tags.add(Json.createObjectBuilder().add("name", name)));
    return tags;
  }

  private static JsonObject field(String code, String value) {
    return field(code, "WORK", value);
  }

  private static JsonObject field(String code, String kind, String value) {
    return Json.createObjectBuilder().add("field_code", code).add("values", Json.createArrayBuilder()
        .add(Json.createObjectBuilder().add("enum_code", kind).add("value", value))).build();
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
