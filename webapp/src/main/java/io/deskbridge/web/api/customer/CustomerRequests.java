package io.deskbridge.web.api.customer;

import io.deskbridge.core.customer.CustomerProfile;
import io.deskbridge.core.customer.Money;
import io.deskbridge.core.shared.InvalidInputException;
import io.deskbridge.core.tenant.Language;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Bodies of the customer endpoints. */
final class CustomerRequests {

  private CustomerRequests() {}

  record MoneyRequest(BigDecimal amount, String currency) {}

  record Profile(String name, String email, String phone, String language, String accountId, String plan,
      MoneyRequest ltv, Map<String, String> attributes, List<String> tags, Boolean ourClient) {

    CustomerProfile toProfile() {
      Language lang = null;
      if (language != null && !language.isBlank()) {
        lang = Language.fromCode(language)
            .orElseThrow(() -> new InvalidInputException("language", "must be ru or en"));
      }
      Money money = ltv == null ? null : new Money(ltv.amount(), ltv.currency());
      return new CustomerProfile(name, email, phone, lang, accountId, plan, money, attributes);
    }
  }

  record Tags(List<String> tags) {}

  record Note(String text) {}
}
