package io.deskbridge.plugin.amocrm;

import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.CATEGORY_STAGES;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.CLOSED_LEAD_POLICY;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.CONTACT_FIELDS;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.CONTACT_TAGS;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.FALLBACK_USER_ID;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.RESPONSIBLE_STRATEGY;
import static io.deskbridge.plugin.amocrm.AmoCrmPluginFactory.RESPONSIBLE_USERS;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional part of a tenant's amoCRM settings: how leads are chosen, moved and assigned. Kept
 * apart from {@link AmoCrmConfig} (connection and mode) so each can grow without the other.
 */
record LeadRules(String closedLeadPolicy, IdsByName categoryStages, String responsibleStrategy,
    IdsByName responsibleUsers, Optional<Long> fallbackUserId, ContactProfile contactProfile) {

  /** Reads validated settings; {@link #problems} has already refused what would not parse. */
  static LeadRules from(PluginConfig c) {
    return new LeadRules(text(c, CLOSED_LEAD_POLICY), IdsByName.parse(c.list(CATEGORY_STAGES.key())),
        text(c, RESPONSIBLE_STRATEGY), IdsByName.parse(c.list(RESPONSIBLE_USERS.key())),
        c.value(FALLBACK_USER_ID.key()).map(Long.class::cast),
        ContactProfile.parse(c.list(CONTACT_TAGS.key()), c.list(CONTACT_FIELDS.key())));
  }

  LeadPolicy leadPolicy(AmoCrmConfig config) {
    return new LeadPolicy(config.pipelineId(),
        LeadPolicy.REOPEN.equals(closedLeadPolicy) ? config.statusId() : Optional.empty());
  }

  ResponsibleUser responsibleUser(PluginContext context) {
    return new ResponsibleUser(responsibleStrategy, responsibleUsers, fallbackUserId, context.directory(),
        context.mappings());
  }

  /** What an admin must fix before these rules can work, each naming its field. */
  static List<FieldError> problems(PluginConfig c) {
    List<FieldError> errors = new ArrayList<>();
    for (ConfigProperty list : List.of(CATEGORY_STAGES, RESPONSIBLE_USERS, CONTACT_FIELDS)) {
      try {
        IdsByName.parse(c.list(list.key()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(list.key(), e.getMessage()));
      }
    }
    try {
      ContactProfile.parse(c.list(CONTACT_TAGS.key()), List.of());
    } catch (IllegalArgumentException e) {
      errors.add(new FieldError(CONTACT_TAGS.key(), e.getMessage()));
    }
    c.list(RESPONSIBLE_USERS.key()).stream().filter(item -> !item.contains("@")).findFirst()
        .ifPresent(item -> errors.add(new FieldError(RESPONSIBLE_USERS.key(),
            "'" + item + "' is not agent email=amoCRM user id")));
    if (ResponsibleUser.ROUND_ROBIN.equals(text(c, RESPONSIBLE_STRATEGY)) && c.list(RESPONSIBLE_USERS.key()).isEmpty()) {
      errors.add(new FieldError(RESPONSIBLE_USERS.key(), "is required for roundRobin: the users to take turns"));
    }
    if (LeadPolicy.REOPEN.equals(text(c, CLOSED_LEAD_POLICY)) && c.value("statusId").isEmpty()) {
      errors.add(new FieldError(AmoCrmPluginFactory.STATUS_ID.key(),
          "is required when closedLeadPolicy is reopen: it is the stage a closed lead moves back to"));
    }
    return errors;
  }

  private static String text(PluginConfig c, ConfigProperty p) {
    return Optional.ofNullable(c.string(p.key())).orElse(p.defaultValue());
  }
}
