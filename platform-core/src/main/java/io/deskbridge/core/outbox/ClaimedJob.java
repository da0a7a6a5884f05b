package io.deskbridge.core.outbox;

/** A job a worker holds under its lease, detached from the transaction that claimed it. */
public record ClaimedJob(long id, long tenantId, String moduleId, String kind, String type,
    String idempotencyKey, String orderingKey, String payload, int attempts) {

  static ClaimedJob of(OutboxJob job) {
    return new ClaimedJob(job.id(), job.tenantId().value(), job.moduleId(), job.kind(), job.type(),
        job.idempotencyKey(), job.orderingKey(), job.payload(), job.attempts());
  }

  String limiterKey() {
    return tenantId + "/" + moduleId;
  }
}
