package io.deskbridge.core.customer;

import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.Language;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The editable part of a customer card. A {@code null} field means "leave as it is"; an empty string
 * clears it.
 */
public record CustomerProfile(
    String name,
    String email,
    String phone,
    Language language,
    String accountId,
    String plan,
    Money ltv,
    Map<String, String> attributes) {

  private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()-]{5,31}$");

  public void validate(String prefix) {
    Validation v = new Validation()
        .maxLength(prefix + "name", name, 200)
        .maxLength(prefix + "email", email, 254)
        .email(prefix + "email", email)
        .maxLength(prefix + "accountId", accountId, 100)
        .maxLength(prefix + "plan", plan, 100);
    v.check(phone == null || phone.isBlank() || PHONE.matcher(phone).matches(),
        prefix + "phone", "must be a phone number such as +79990000000");
    if (attributes != null) {
      attributes.forEach((key, value) -> v
          .check(key != null && !key.isBlank() && key.length() <= 100,
              prefix + "attributes", "names must be 1-100 characters")
          .maxLength(prefix + "attributes." + key, value, 2000));
    }
    v.orThrow();
  }
}
