package io.deskbridge.core.customer;

import io.deskbridge.core.tenant.TenantId;

/** What the customer card needs to know of conversations without depending on that package. */
public interface CustomerConversations {

  boolean exist(TenantId tenant, long customerId);
}
