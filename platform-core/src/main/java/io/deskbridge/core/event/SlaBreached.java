package io.deskbridge.core.event;

import io.deskbridge.core.sla.SlaTarget;
import java.time.Instant;

/**
 * An SLA target of a conversation passed its due instant without the answer it waited for.
 * {@code startedAt} names the timer's cycle (a next-reply timer runs once per customer follow-up).
 */
public record SlaBreached(long tenantId, long conversationId, SlaTarget target, Instant startedAt, Instant dueAt,
    String policy, Instant occurredAt) implements DomainEvent {

  public static final String TYPE = "sla.breached";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public String orderingKey() {
    return "conversation:" + conversationId;
  }
}
