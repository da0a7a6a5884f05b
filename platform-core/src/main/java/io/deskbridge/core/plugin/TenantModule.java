package io.deskbridge.core.plugin;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A tenant's settings of one module: on or off, the plain configuration as JSON, and the secrets
 * sealed by {@link SecretBox}. The version changes with every save, so every instance of a cluster
 * notices a new configuration and rebuilds its plugin instance.
 */
@Entity
@Table(name = "tenant_module")
public class TenantModule {

  @Id
  @SequenceGenerator(name = "tenant_module_seq", sequenceName = "tenant_module_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_module_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "module_id", nullable = false, length = 50)
  private String moduleId;

  @Column(nullable = false)
  private boolean enabled;

  @Column(name = "config_json", nullable = false, length = 20000)
  private String configJson;

  @Column(name = "sealed_secrets", length = 20000)
  private String sealedSecrets;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "updated_by")
  private Long updatedBy;

  @Version private long version;

  protected TenantModule() {}

  public TenantModule(TenantId tenant, String moduleId) {
    this.tenantId = tenant.value();
    this.moduleId = moduleId;
    this.configJson = "{}";
  }

  public void configure(boolean enabled, String configJson, String sealedSecrets, Long agentId, Instant at) {
    this.enabled = enabled;
    this.configJson = configJson;
    this.sealedSecrets = sealedSecrets;
    this.updatedBy = agentId;
    this.updatedAt = at;
  }

  public void disable(Long agentId, Instant at) {
    this.enabled = false;
    this.updatedBy = agentId;
    this.updatedAt = at;
  }

  /** What secrets are sealed for: a ciphertext only opens on its own row. */
  public String secretBinding() {
    return "tenant:" + tenantId + ":module:" + moduleId;
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

  public boolean isEnabled() {
    return enabled;
  }

  public String configJson() {
    return configJson;
  }

  public String sealedSecrets() {
    return sealedSecrets;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
