package io.deskbridge.core.department;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team with its own queue; conversations are routed and transferred between departments. */
@Entity
@Table(name = "department")
public class Department {

  @Id
  @SequenceGenerator(name = "department_seq", sequenceName = "department_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "department_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(length = 2000)
  private String description;

  @Version private long version;

  protected Department() {}

  public Department(TenantId tenant, String name, String description) {
    this.tenantId = tenant.value();
    this.name = name;
    this.description = description;
  }

  public void describe(String name, String description) {
    this.name = name;
    this.description = description;
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

  public String description() {
    return description;
  }

  public long version() {
    return version;
  }
}
