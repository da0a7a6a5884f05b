package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One way to recognise a customer's contact in amoCRM: what to put in the {@code query} search, and
 * which of the (fuzzy, full-text) results really is the customer. The full-text search also finds
 * longer phone numbers and substrings of emails, so every hit is checked field by field.
 */
record ContactKey(String query, String fieldCode, String value) {

  static final String PHONE = "PHONE";
  static final String EMAIL = "EMAIL";
  /** amoCRM's messenger field; its ids are written there when Deskbridge creates a contact. */
  static final String MESSENGER = "IM";

  /**
   * The customer's keys, most reliable first: a phone number is typed by the customer and verified
   * by the channel, a messenger id is exact but only known for chat channels, an email is often shared
   * (office@…) or mistyped.
   */
  static List<ContactKey> of(CustomerFacts customer) {
    List<ContactKey> keys = new ArrayList<>();
    customer.phone().map(Crm::digits).filter(d -> !d.isEmpty())
        .ifPresent(d -> keys.add(new ContactKey(nationalPart(d), PHONE, d)));
    customer.identities().values().stream().filter(id -> id != null && !id.isBlank()).map(String::trim)
        .forEach(id -> keys.add(new ContactKey(id, MESSENGER, id.toLowerCase(Locale.ROOT))));
    customer.email().map(String::trim).filter(e -> !e.isEmpty()).map(e -> e.toLowerCase(Locale.ROOT))
        .ifPresent(e -> keys.add(new ContactKey(e, EMAIL, e)));
    return keys;
  }

  /**
   * The search text for a phone: without the country code, so that a contact saved as 8 999… and one
   * saved as +7 999… are both found (the full-text search compares digits, not numbers).
   */
  private static String nationalPart(String digits) {
    return digits.length() > 10 ? digits.substring(digits.length() - 10) : digits;
  }

  /**
   * Whether the contact has this key's value. A messenger id may sit in the messenger field or in an
   * account's own text field ("Telegram ID"), so it matches any field but a phone, and only as a whole.
   */
  boolean matches(JsonObject contact) {
    if (!(contact.get("custom_fields_values") instanceof JsonArray fields)) {
      return false;
    }
    for (JsonValue f : fields) {
      String code = f.asJsonObject().getString("field_code", "");
      boolean relevant = fieldCode.equals(MESSENGER) ? !code.equals(PHONE) : fieldCode.equals(code);
      if (relevant && f.asJsonObject().get("values") instanceof JsonArray values) {
        for (JsonValue v : values) {
          if (normal(v.asJsonObject().getString("value", "")).equals(value)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private String normal(String stored) {
    return fieldCode.equals(PHONE) ? Crm.digits(stored) : stored.trim().toLowerCase(Locale.ROOT);
  }
}
