package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import java.util.List;

/**
 * Keeps a linked contact's mapped tags and fields as the customer's are. The last profile written
 * is remembered per customer, so a repeated job or a customer change that touches nothing mapped
 * costs no call.
 */
final class ContactProfiles {

  private static final String WRITTEN = "contact-profile";

  private final Crm crm;
  private final Mappings mappings;
  private final ContactProfile profile;

  ContactProfiles(Crm crm, Mappings mappings, ContactProfile profile) {
    this.crm = crm;
    this.mappings = mappings;
    this.profile = profile;
  }

  ContactProfile profile() {
    return profile;
  }

  /** A contact created with the profile already carries it. */
  void created(CustomerFacts customer) {
    if (!profile.isEmpty()) {
      mappings.remember(WRITTEN, Long.toString(customer.id()), written(customer));
    }
  }

  void update(long contactId, CustomerFacts customer) {
    if (profile.isEmpty()) {
      return;
    }
    String key = Long.toString(customer.id());
    String now = written(customer);
    if (mappings.remoteId(WRITTEN, key).filter(now::equals).isPresent()) {
      return;
    }
    List<String> tags = profile.tagsFor(crm.contactTags(contactId), customer);
    crm.updateContact(contactId, tags, profile.fieldsOf(customer, true));
    mappings.remember(WRITTEN, key, now);
  }

  private String written(CustomerFacts customer) {
    return profile.tagsOf(customer) + " " + profile.fieldsOf(customer, true);
  }
}
