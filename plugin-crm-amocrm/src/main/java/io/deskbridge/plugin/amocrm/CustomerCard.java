package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.Mappings;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The customer card's amoCRM lines: links to the contact and the latest lead, the lead's stage and
 * its budget, all from the mappings (the card is drawn on every page view; it never calls amoCRM).
 */
final class CustomerCard {

  private final String base;
  private final Mappings mappings;
  private final LeadMemory memory;

  CustomerCard(String base, Mappings mappings) {
    this.base = base;
    this.mappings = mappings;
    this.memory = new LeadMemory(mappings);
  }

  List<CardEntry> of(long customerId) {
    List<CardEntry> lines = new ArrayList<>();
    String key = Long.toString(customerId);
    mappings.remoteId(LeadSync.CONTACT, key).ifPresent(id ->
        lines.add(new CardEntry("amoCRM contact", "#" + id, base + "/contacts/detail/" + id)));
    Optional<Long> lead = mappings.remoteId(LeadSync.CUSTOMER_LEAD, key).map(Long::parseLong);
    if (lead.isPresent()) {
      String link = base + "/leads/detail/" + lead.get();
      lines.add(new CardEntry("amoCRM lead", "#" + lead.get(), link));
      memory.stageOf(lead.get()).ifPresent(stage -> lines.add(new CardEntry("amoCRM lead stage", stage, link)));
      memory.priceOf(lead.get()).ifPresent(price ->
          lines.add(new CardEntry("amoCRM budget (LTV)", String.format(Locale.ROOT, "%,d", price).replace(',', ' '), link)));
    }
    return lines;
  }
}
