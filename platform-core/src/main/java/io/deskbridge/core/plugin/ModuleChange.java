package io.deskbridge.core.plugin;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** The audit log of module settings: who changed what, when. Names fields, never secret values. */
@Entity
@Table(name = "module_change")
public class ModuleChange {

  @Id
  @SequenceGenerator(name = "module_change_seq", sequenceName = "module_change_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_change_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "module_id", nullable = false, length = 50)
  private String moduleId;

  @Column(name = "agent_id")
  private Long agentId;

  @Column(nullable = false, length = 20)
  private String action;

  @Column(name = "changed_keys", length = 2000)
  private String changedKeys;

  @Column(name = "changed_at", nullable = false)
  private Instant changedAt;

  protected ModuleChange() {}

  public ModuleChange(TenantId tenant, String moduleId, Long agentId, String action, String changedKeys,
      Instant at) {
    this.tenantId = tenant.value();
    this.moduleId = moduleId;
    this.agentId = agentId;
    this.action = action;
    this.changedKeys = changedKeys;
    this.changedAt = at;
  }

  public Long id() {
    return id;
  }

  public String moduleId() {
    return moduleId;
  }

  public Long agentId() {
    return agentId;
  }

  public String action() {
    return action;
  }

  public String changedKeys() {
    return changedKeys;
  }

  public Instant changedAt() {
    return changedAt;
  }
}
