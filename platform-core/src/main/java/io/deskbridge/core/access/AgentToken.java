package io.deskbridge.core.access;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A personal API token an agent got by logging in; valid until revoked (logout) or expired. */
@Entity
@Table(name = "agent_token")
public class AgentToken {

  @Id
  @SequenceGenerator(name = "agent_token_seq", sequenceName = "agent_token_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_token_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "agent_id", nullable = false)
  private long agentId;

  @Column(nullable = false, unique = true, length = 64)
  private String digest;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected AgentToken() {}

  public AgentToken(TenantId tenant, long agentId, SecretToken secret, Instant now, Instant expiresAt) {
    this.tenantId = tenant.value();
    this.agentId = agentId;
    this.digest = secret.digest();
    this.createdAt = now;
    this.expiresAt = expiresAt;
  }

  public boolean isValidAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
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

  public long agentId() {
    return agentId;
  }

  public Instant expiresAt() {
    return expiresAt;
  }
}
