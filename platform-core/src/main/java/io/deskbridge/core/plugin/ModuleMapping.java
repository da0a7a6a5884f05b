package io.deskbridge.core.plugin;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One local thing ↔ the id a module's vendor gave it, per tenant and module (see Mappings). */
@Entity
@Table(name = "module_mapping")
public class ModuleMapping {

  @Id
  @SequenceGenerator(name = "module_mapping_seq", sequenceName = "module_mapping_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "module_mapping_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "module_id", nullable = false, length = 50)
  private String moduleId;

  @Column(name = "local_type", nullable = false, length = 50)
  private String localType;

  @Column(name = "local_id", nullable = false, length = 200)
  private String localId;

  @Column(name = "remote_id", nullable = false, length = 500)
  private String remoteId;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected ModuleMapping() {}

  public ModuleMapping(long tenantId, String moduleId, String localType, String localId, String remoteId,
      Instant at) {
    this.tenantId = tenantId;
    this.moduleId = moduleId;
    this.localType = localType;
    this.localId = localId;
    this.remoteId = remoteId;
    this.updatedAt = at;
  }

  public void pointTo(String remoteId, Instant at) {
    this.remoteId = remoteId;
    this.updatedAt = at;
  }

  public String localId() {
    return localId;
  }

  public String remoteId() {
    return remoteId;
  }
}
