package io.deskbridge.core.sla;

import io.deskbridge.core.shared.Validation;
import java.time.Instant;
import java.util.List;

/**
 * What a customer's plan promises (handbook 003): how soon a specialist engages with a new problem,
 * and which {@link SlaPolicy} (by name) times the conversation's replies. Guarantees a non-blank name
 * and policy name of at most 100 characters and a time to engage.
 */
public record SupportPlan(String name, SlaDuration timeToEngage, String policyName) {

  public SupportPlan {
    new Validation()
        .required("name", name)
        .maxLength("name", name, 100)
        .required("timeToEngage", timeToEngage)
        .required("policyName", policyName)
        .maxLength("policyName", policyName, 100)
        .orThrow();
  }

  /**
   * Handbook 003's plans: Flow (shared queue, 7+ business days), Basic (2 business days), Premium
   * (4 business hours) and VIP (2 hours, wall clock). All use the default reply policy.
   */
  public static List<SupportPlan> defaults() {
    return List.of(
        new SupportPlan("Flow", SlaDuration.businessDays(7), SlaPolicy.DEFAULT_NAME),
        new SupportPlan("Basic", SlaDuration.businessDays(2), SlaPolicy.DEFAULT_NAME),
        new SupportPlan("Premium", SlaDuration.businessHours(4), SlaPolicy.DEFAULT_NAME),
        new SupportPlan("VIP", SlaDuration.hours(2), SlaPolicy.DEFAULT_NAME));
  }

  /** When a specialist must have engaged with a problem raised at {@code requestedAt}. */
  public Instant engageBy(Instant requestedAt, BusinessHours hours) {
    return timeToEngage.dueFrom(requestedAt, hours);
  }
}
