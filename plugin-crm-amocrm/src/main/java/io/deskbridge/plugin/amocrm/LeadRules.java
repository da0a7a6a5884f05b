package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional part of a tenant's amoCRM settings: how leads are chosen, moved and assigned. Kept
 * apart from {@link AmoCrmConfig} (connection and mode) so each can grow without the other.
 */
record LeadRules(String closedLeadPolicy, IdsByName categoryStages) {

  /** Reads validated settings; {@link #problems} has already refused what would not parse. */
  static LeadRules from(PluginConfig c) {
    return new LeadRules(Optional.ofNullable(c.string(AmoCrmPluginFactory.CLOSED_LEAD_POLICY.key()))
        .orElse(LeadPolicy.NEW), IdsByName.parse(c.list(AmoCrmPluginFactory.CATEGORY_STAGES.key())));
  }

  LeadPolicy leadPolicy(AmoCrmConfig config) {
    return new LeadPolicy(config.pipelineId(),
        LeadPolicy.REOPEN.equals(closedLeadPolicy) ? config.statusId() : Optional.empty());
  }

  /** What an admin must fix before these rules can work, each naming its field. */
  static List<FieldError> problems(PluginConfig c) {
    List<FieldError> errors = new ArrayList<>();
    for (ConfigProperty list : List.of(AmoCrmPluginFactory.CATEGORY_STAGES)) {
      try {
        IdsByName.parse(c.list(list.key()));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(list.key(), e.getMessage()));
      }
    }
    if (LeadPolicy.REOPEN.equals(c.string(AmoCrmPluginFactory.CLOSED_LEAD_POLICY.key()))
        && c.value("statusId").isEmpty()) {
      errors.add(new FieldError(AmoCrmPluginFactory.STATUS_ID.key(),
          "is required when closedLeadPolicy is reopen: it is the stage a closed lead moves back to"));
    }
    return errors;
  }
}
