package io.deskbridge.web.api.customer;

import io.deskbridge.core.customer.Customer;
import io.deskbridge.web.api.Timestamps;
import java.util.List;
import java.util.Map;

/**
 * The customer card beside the chat. {@code emailMissing} tells the agent to ask for it; {@code
 * ourClient} puts the customer's conversations first in the queue (handbook 004).
 */
public record CustomerCard(
    long id, String name, String email, boolean emailMissing, String phone, String language,
    String accountId, String plan, MoneyView ltv, boolean ourClient, List<String> tags, Map<String, String> attributes,
    List<IdentityView> identities, List<ModuleLine> modules, String createdAt, String updatedAt,
    long version) {

  /** A line an enabled module adds to the card ("amoCRM lead #123, stage Won"). */
  public record ModuleLine(String module, String label, String value, String url) {}

  /** The amount is a decimal string ("1250.50"), so no client reads money as a float. */
  public record MoneyView(String amount, String currency) {}

  public record IdentityView(String channel, String externalId) {}

  static CustomerCard of(Customer c) {
    return of(c, List.of());
  }

  static CustomerCard of(Customer c, List<ModuleLine> modules) {
    return new CustomerCard(c.id(), c.name(), c.email().orElse(null), c.isEmailMissing(),
        c.phone().orElse(null), c.language().map(l -> l.code()).orElse(null),
        c.accountId().orElse(null), c.plan().orElse(null),
        c.ltv().map(m -> new MoneyView(m.amount().toPlainString(), m.currency())).orElse(null),
        c.isOurClient(), c.tags(), c.attributes(),
        c.identities().stream().map(i -> new IdentityView(i.channel(), i.externalId())).toList(), modules,
        Timestamps.iso(c.createdAt()), Timestamps.iso(c.updatedAt()), c.version());
  }
}
