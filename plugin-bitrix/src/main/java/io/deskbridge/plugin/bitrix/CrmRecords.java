package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/** Bitrix24's contacts, leads and deals as this module uses them; each method is one call or one list. */
final class CrmRecords {

  /** Marks what Deskbridge created, so a repeat whose answer was lost finds it by ORIGIN_ID. */
  static final String ORIGINATOR = "deskbridge";
  /** Lists stop after this many pages of 50: a search that long is not a match worth waiting for. */
  private static final int MAX_PAGES = 20;

  private final Portal portal;
  private final BitrixConfig config;

  CrmRecords(Portal portal, BitrixConfig config) {
    this.portal = portal;
    this.config = config;
  }

  /** A contact whose phone (normalised) or email (any case) is the customer's. */
  Optional<Long> findContact(CustomerFacts customer) {
    Optional<String> phone = customer.phone().map(PhoneNumber::normalised).filter(p -> !p.isEmpty());
    Optional<String> email = customer.email().map(e -> e.trim().toLowerCase(Locale.ROOT));
    if (phone.isPresent()) {
      Optional<Long> found = first("crm.contact.list", Json.createObjectBuilder().add("PHONE", phone.get()),
          c -> has(c, "PHONE", phone.get()));
      if (found.isPresent()) {
        return found;
      }
    }
    return email.flatMap(e -> first("crm.contact.list", Json.createObjectBuilder().add("EMAIL", e),
        c -> has(c, "EMAIL", e)));
  }

  Optional<Long> findByOrigin(String type, String originId) {
    return first("crm." + type + ".list", Json.createObjectBuilder().add("ORIGINATOR_ID", ORIGINATOR)
        .add("ORIGIN_ID", originId), c -> originId.equals(c.getString("ORIGIN_ID", "")));
  }

  long addContact(CustomerFacts customer, String originId) {
    JsonObjectBuilder fields = Json.createObjectBuilder().add("NAME", customer.name()).add("SOURCE_ID", "OTHER")
        .add("ORIGINATOR_ID", ORIGINATOR).add("ORIGIN_ID", originId);
    customer.phone().ifPresent(p -> fields.add("PHONE", multiField(PhoneNumber.normalised(p))));
    customer.email().ifPresent(e -> fields.add("EMAIL", multiField(e.trim())));
    config.responsibleUserId().ifPresent(u -> fields.add("ASSIGNED_BY_ID", u));
    return id(portal.call("crm.contact.add", Json.createObjectBuilder().add("fields", fields).build()));
  }

  /** A new lead or deal of the contact, in the configured pipeline and stage. */
  long addEntity(String type, long contactId, String title, String originId) {
    JsonObjectBuilder fields = Json.createObjectBuilder().add("TITLE", title).add("CONTACT_ID", contactId)
        .add("SOURCE_ID", "OTHER").add("ORIGINATOR_ID", ORIGINATOR).add("ORIGIN_ID", originId);
    if (BitrixConfig.DEAL.equals(type)) {
      fields.add("CATEGORY_ID", config.categoryId().orElse(0L));
      config.stageId().ifPresent(s -> fields.add("STAGE_ID", s));
    } else {
      config.stageId().ifPresent(s -> fields.add("STATUS_ID", s));
    }
    config.responsibleUserId().ifPresent(u -> fields.add("ASSIGNED_BY_ID", u));
    return id(portal.call("crm." + type + ".add", Json.createObjectBuilder().add("fields", fields).build()));
  }

  String stageOf(CrmEntity entity) {
    JsonObject record = portal.call("crm." + entity.type() + ".get", Json.createObjectBuilder()
        .add("id", entity.id()).build()).asJsonObject();
    return record.getString(entity.stageField(), "");
  }

  void moveTo(CrmEntity entity, String stage) {
    portal.call("crm." + entity.type() + ".update", Json.createObjectBuilder().add("id", entity.id())
        .add("fields", Json.createObjectBuilder().add(entity.stageField(), stage)).build());
  }

  void assign(CrmEntity entity, long userId) {
    portal.call("crm." + entity.type() + ".update", Json.createObjectBuilder().add("id", entity.id())
        .add("fields", Json.createObjectBuilder().add("ASSIGNED_BY_ID", userId)).build());
  }

  /** The first list item, over all pages ({@code start}/{@code next}), that {@code matches}. */
  Optional<Long> first(String method, JsonObjectBuilder filter, Predicate<JsonObject> matches) {
    JsonObject filterObject = filter.build();
    long start = 0;
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonObject answer = portal.answer(method, Json.createObjectBuilder().add("filter", filterObject)
          .add("select", Json.createArrayBuilder().add("ID").add("*").add("PHONE").add("EMAIL"))
          .add("order", Json.createObjectBuilder().add("ID", "ASC")).add("start", start).build());
      for (JsonValue v : answer.getJsonArray("result")) {
        if (matches.test(v.asJsonObject())) {
          return Optional.of(Long.parseLong(v.asJsonObject().getString("ID")));
        }
      }
      if (!answer.containsKey("next")) {
        break;
      }
      start = answer.getJsonNumber("next").longValue();
    }
    return Optional.empty();
  }

  private static boolean has(JsonObject contact, String field, String wanted) {
    if (!(contact.get(field) instanceof JsonArray values)) {
      return false;
    }
    for (JsonValue v : values) {
      String value = v.asJsonObject().getString("VALUE", "");
      String normal = field.equals("PHONE") ? PhoneNumber.normalised(value) : value.trim().toLowerCase(Locale.ROOT);
      if (normal.equals(wanted)) {
        return true;
      }
    }
    return false;
  }

  private static JsonArray multiField(String value) {
    return Json.createArrayBuilder().add(Json.createObjectBuilder().add("VALUE", value).add("VALUE_TYPE", "WORK"))
        .build();
  }

  /** {@code result} of an add is a bare number (some portals send it as a string). */
  static long id(JsonValue result) {
    return result instanceof jakarta.json.JsonNumber n ? n.longValue()
        : Long.parseLong(((jakarta.json.JsonString) result).getString());
  }
}
