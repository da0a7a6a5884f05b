package io.deskbridge.core.access;

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
 * A key an integration or channel uses instead of a person's login. The key itself is shown once at
 * creation; afterwards only its hint is known.
 */
@Entity
@Table(name = "api_key")
public class ApiKey {

  @Id
  @SequenceGenerator(name = "api_key_seq", sequenceName = "api_key_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "api_key_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private ApiKeyScope scope;

  @Column(nullable = false, unique = true, length = 64)
  private String digest;

  @Column(nullable = false, length = 16)
  private String hint;

  @Column(name = "created_by")
  private Long createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected ApiKey() {}

  public ApiKey(
      TenantId tenant, String name, ApiKeyScope scope, SecretToken secret, Long createdBy, Instant now) {
    this.tenantId = tenant.value();
    this.name = name;
    this.scope = scope;
    this.digest = secret.digest();
    this.hint = secret.hint();
    this.createdBy = createdBy;
    this.createdAt = now;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public void revoke(Instant now) {
    if (revokedAt == null) {
      revokedAt = now;
    }
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String name() {
    return name;
  }

  public ApiKeyScope scope() {
    return scope;
  }

  public String hint() {
    return hint;
  }

  public Long createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant revokedAt() {
    return revokedAt;
  }
}
