package io.deskbridge.web.api.outbox;

import io.deskbridge.core.outbox.OutboxJob;
import io.deskbridge.web.api.Timestamps;

/** An outbox job as an admin inspects it; the payload is included only in the single-job view. */
public record JobView(long id, String module, String kind, String type, String state, String idempotencyKey,
    String orderingKey, int attempts, int maxAttempts, String nextAttemptAt, String lastError, String createdAt,
    String finishedAt, String payload) {

  static JobView of(OutboxJob j, boolean withPayload) {
    return new JobView(j.id(), j.moduleId(), j.kind(), j.type(), j.state().name(), j.idempotencyKey(),
        j.orderingKey(), j.attempts(), j.maxAttempts(), Timestamps.iso(j.nextAttemptAt()), j.lastError(),
        Timestamps.iso(j.createdAt()), Timestamps.iso(j.finishedAt()), withPayload ? j.payload() : null);
  }
}
