package io.deskbridge.core.customer;

import io.deskbridge.core.tenant.TenantId;

/** What the customer card needs to know of conversations without depending on that package. */
public interface CustomerConversations {

  boolean exist(TenantId tenant, long customerId);

  /** The customer's conversations that are not closed take the customer's "our client" flag. */
  void treatAsOurClient(TenantId tenant, long customerId, boolean ourClient);
}
