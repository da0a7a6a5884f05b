package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.rules.SupportRules;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an SLA evaluation reads besides the conversation itself. One conversation reads them from the
 * store as it goes; the sweeper reads them for a whole batch of due conversations in a few queries.
 */
public interface SlaFacts {

  /** The support plan of the conversation's customer, if they have one the tenant knows. */
  Optional<TenantSupportPlan> plan(Conversation conversation);

  /** The policy that times the conversation (see {@link SlaCatalog#policyFor}). */
  TenantSlaPolicy policyFor(Conversation conversation, SupportRules tenantRules, Optional<TenantSupportPlan> plan);

  /** When the customer wrote, or agents replied publicly, oldest first. */
  List<Instant> publicMessageTimes(Conversation conversation, AuthorType author);
}
