package io.deskbridge.core.category;

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
import jakarta.persistence.Version;

/**
 * What a conversation was about. Every conversation needs one before it can be closed (handbook
 * 001); archived categories stay on old conversations but cannot be chosen any more.
 */
@Entity
@Table(name = "category")
public class Category {

  @Id
  @SequenceGenerator(name = "category_seq", sequenceName = "category_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "category_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 200)
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private CategoryScope scope;

  @Column(nullable = false)
  private boolean archived;

  @Version private long version;

  protected Category() {}

  public Category(TenantId tenant, String name, CategoryScope scope) {
    this.tenantId = tenant.value();
    this.name = name;
    this.scope = scope;
  }

  public void describe(String name, CategoryScope scope) {
    this.name = name;
    this.scope = scope;
  }

  public void archive() {
    this.archived = true;
  }

  public void restore() {
    this.archived = false;
  }

  public boolean isThirdParty() {
    return scope == CategoryScope.THIRD_PARTY;
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

  public CategoryScope scope() {
    return scope;
  }

  public boolean isArchived() {
    return archived;
  }

  public long version() {
    return version;
  }
}
