package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which of a customer's tags and attributes their amoCRM contact carries, as the tenant mapped them.
 * Only listed tags travel: a customer tag may be staff-only shorthand ("abusive") a sales team
 * should not see. A listed tag the customer lost is taken off the contact; other contact tags stay.
 *
 * @param tags Deskbridge tag (lower case) → amoCRM tag
 * @param fields attribute name → amoCRM contact field id
 */
record ContactProfile(Map<String, String> tags, IdsByName fields) {

  ContactProfile {
    tags = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /** @param tagItems {@code vip} (same name in amoCRM) or {@code vip=VIP client} */
  static ContactProfile parse(List<String> tagItems, List<String> fieldItems) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String item : tagItems) {
      int eq = item.indexOf('=');
      String ours = (eq < 0 ? item : item.substring(0, eq)).trim();
      String theirs = (eq < 0 ? item : item.substring(eq + 1)).trim();
      if (ours.isEmpty() || theirs.isEmpty()) {
        throw new IllegalArgumentException("'" + item + "' is not tag or tag=amoCRM tag");
      }
      tags.put(ours.toLowerCase(Locale.ROOT), theirs);
    }
    return new ContactProfile(tags, IdsByName.parse(fieldItems));
  }

  boolean isEmpty() {
    return tags.isEmpty() && fields.isEmpty();
  }

  /** The amoCRM tags the customer's tags map to. */
  List<String> tagsOf(CustomerFacts customer) {
    return customer.tags().stream().map(t -> tags.get(t.toLowerCase(Locale.ROOT))).filter(t -> t != null)
        .distinct().toList();
  }

  /** The contact's tags after the update: its own ones kept, the mapped ones as the customer has them. */
  List<String> tagsFor(List<String> contactTags, CustomerFacts customer) {
    LinkedHashSet<String> result = new LinkedHashSet<>(contactTags);
    result.removeAll(tags.values());
    result.addAll(tagsOf(customer));
    return List.copyOf(result);
  }

  /**
   * The mapped attributes as amoCRM custom field values. An attribute the customer lacks is cleared
   * ({@code values: null}, amoCRM's way) when {@code clearMissing}, else left out (a new contact).
   */
  JsonArray fieldsOf(CustomerFacts customer, boolean clearMissing) {
    JsonArrayBuilder values = Json.createArrayBuilder();
    Map<String, String> attributes = new LinkedHashMap<>();
    customer.attributes().forEach((k, v) -> attributes.put(k.toLowerCase(Locale.ROOT), v));
    fields.ids().forEach((attribute, fieldId) -> {
      Optional<String> value = Optional.ofNullable(attributes.get(attribute)).filter(v -> !v.isBlank());
      if (value.isPresent()) {
        values.add(Json.createObjectBuilder().add("field_id", fieldId).add("values",
            Json.createArrayBuilder().add(Json.createObjectBuilder().add("value", value.get()))));
      } else if (clearMissing) {
        values.add(Json.createObjectBuilder().add("field_id", fieldId).add("values", JsonValue.NULL));
      }
    });
    return values.build();
  }
}
