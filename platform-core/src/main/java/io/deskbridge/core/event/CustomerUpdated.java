package io.deskbridge.core.event;

import java.time.Instant;

/** A customer's card changed (profile, tags). */
public record CustomerUpdated(long tenantId, long customerId, Instant occurredAt) implements DomainEvent {

  public static final String TYPE = "customer.updated";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "customer:" + customerId;
  }
}
