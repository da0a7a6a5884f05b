package io.deskbridge.core.customer;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A staff-only note on the customer, shown beside every conversation of that customer and never to
 * the customer (handbook 002).
 */
@Entity
@Table(name = "customer_note")
public class CustomerNote {

  @Id
  @SequenceGenerator(name = "customer_note_seq", sequenceName = "customer_note_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_note_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "customer_id", nullable = false)
  private long customerId;

  @Column(name = "author_id")
  private Long authorId;

  @Column(nullable = false, length = 10000)
  private String text;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected CustomerNote() {}

  public CustomerNote(TenantId tenant, long customerId, Long authorId, String text, Instant now) {
    this.tenantId = tenant.value();
    this.customerId = customerId;
    this.authorId = authorId;
    this.text = text;
    this.createdAt = now;
  }

  public Long id() {
    return id;
  }

  public long customerId() {
    return customerId;
  }

  public Long authorId() {
    return authorId;
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
