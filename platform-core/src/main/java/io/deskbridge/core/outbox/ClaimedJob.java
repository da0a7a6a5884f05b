package io.deskbridge.core.outbox;

/** A job a worker holds under its lease, detached from the transaction that claimed it. */
public record ClaimedJob(long id, long tenantId, String moduleId, String kind, String type,
    String idempotencyKey, String orderingKey, String payload, int attempts) {

  static ClaimedJob of(OutboxJob job) {
    return new ClaimedJob(job.id(), job.tenantId().value(), job.moduleId(), job.kind(), job.type(),
        job.idempotencyKey(), job.orderingKey(), job.payload(), job.attempts());
  }

  /** The (tenant, module) whose rate limit, breaker and delivery places the job shares. */
  public String limiterKey() {
    return limiterKey(tenantId, moduleId);
  }

  static String limiterKey(long tenantId, String moduleId) {
    return tenantId + "/" + moduleId;
  }
}
