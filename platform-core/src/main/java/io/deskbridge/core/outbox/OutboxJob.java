package io.deskbridge.core.outbox;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One side effect a module owes: deliver this event (or agent action) to the vendor. Written in the
 * same transaction as the change that caused it, so it exists exactly when the change does.
 */
@Entity
@Table(name = "outbox_job")
public class OutboxJob {

  public static final String KIND_EVENT = "event";
  public static final String KIND_ACTION = "action";

  @Id
  @SequenceGenerator(name = "outbox_job_seq", sequenceName = "outbox_job_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "outbox_job_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "module_id", nullable = false, length = 50)
  private String moduleId;

  @Column(name = "idempotency_key", nullable = false, length = 200)
  private String idempotencyKey;

  @Column(name = "ordering_key", nullable = false, length = 100)
  private String orderingKey;

  @Column(nullable = false, length = 10)
  private String kind;

  @Column(name = "job_type", nullable = false, length = 60)
  private String type;

  @Column(nullable = false, length = 100000)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private JobState state;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "max_attempts", nullable = false)
  private int maxAttempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "lease_owner", length = 100)
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Column(name = "last_error", length = 2000)
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  protected OutboxJob() {}

  public OutboxJob(TenantId tenant, String moduleId, String kind, String type, String idempotencyKey,
      String orderingKey, String payload, int maxAttempts, Instant now) {
    this.tenantId = tenant.value();
    this.moduleId = moduleId;
    this.kind = kind;
    this.type = type;
    this.idempotencyKey = idempotencyKey;
    this.orderingKey = orderingKey;
    this.payload = payload;
    this.maxAttempts = maxAttempts;
    this.state = JobState.PENDING;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  /** A worker's attempt ended: done, to be retried at {@code next}, or dead. */
  void succeed(Instant now) {
    attempts++;
    state = JobState.DONE;
    finishedAt = now;
    lastError = null;
    release();
  }

  void retryAt(Instant next, String error) {
    attempts++;
    state = JobState.PENDING;
    nextAttemptAt = next;
    lastError = truncate(error);
    release();
  }

  void die(Instant now, String error) {
    attempts++;
    state = JobState.DEAD;
    finishedAt = now;
    lastError = truncate(error);
    release();
  }

  /** Not attempted (rate limit, open circuit): back in the queue without using an attempt. */
  void defer(Instant until) {
    state = JobState.PENDING;
    nextAttemptAt = until;
    release();
  }

  void pause() {
    state = JobState.PAUSED;
    release();
  }

  boolean isLeasedBy(String owner) {
    return state == JobState.IN_FLIGHT && owner.equals(leaseOwner);
  }

  private void release() {
    leaseOwner = null;
    leaseUntil = null;
  }

  private static String truncate(String error) {
    return error == null || error.length() <= 2000 ? error : error.substring(0, 2000);
  }

  /** An admin's "retry": a fresh set of attempts, now. */
  void requeue(Instant now) {
    state = JobState.PENDING;
    attempts = 0;
    nextAttemptAt = now;
    finishedAt = null;
    leaseOwner = null;
    leaseUntil = null;
  }

  void discard(Instant now) {
    state = JobState.DISCARDED;
    finishedAt = now;
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String moduleId() {
    return moduleId;
  }

  public String idempotencyKey() {
    return idempotencyKey;
  }

  public String orderingKey() {
    return orderingKey;
  }

  public String kind() {
    return kind;
  }

  public String type() {
    return type;
  }

  public String payload() {
    return payload;
  }

  public JobState state() {
    return state;
  }

  public int attempts() {
    return attempts;
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Instant nextAttemptAt() {
    return nextAttemptAt;
  }

  public String lastError() {
    return lastError;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant finishedAt() {
    return finishedAt;
  }
}
