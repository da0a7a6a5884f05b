package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.shared.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The optional part of a tenant's amoCRM settings: how leads are chosen, moved and assigned. Kept
 * apart from {@link AmoCrmConfig} (connection and mode) so each can grow without the other.
 */
record LeadRules(String closedLeadPolicy) {

  static LeadRules from(PluginConfig c) {
    return new LeadRules(Optional.ofNullable(c.string(AmoCrmPluginFactory.CLOSED_LEAD_POLICY.key()))
        .orElse(LeadPolicy.NEW));
  }

  LeadPolicy leadPolicy(AmoCrmConfig config) {
    return new LeadPolicy(config.pipelineId(),
        LeadPolicy.REOPEN.equals(closedLeadPolicy) ? config.statusId() : Optional.empty());
  }

  /** What an admin must fix before these rules can work, each naming its field. */
  static List<FieldError> problems(PluginConfig c) {
    List<FieldError> errors = new ArrayList<>();
    LeadRules rules = from(c);
    if (LeadPolicy.REOPEN.equals(rules.closedLeadPolicy()) && c.value("statusId").isEmpty()) {
      errors.add(new FieldError(AmoCrmPluginFactory.STATUS_ID.key(),
          "is required when closedLeadPolicy is reopen: it is the stage a closed lead moves back to"));
    }
    return errors;
  }
}
