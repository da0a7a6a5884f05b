package io.deskbridge.core.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/** A free attribute an integration or admin keeps on a customer (e.g. "city", "crm_segment"). */
@Embeddable
public class CustomerAttribute {

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "attribute_value", length = 2000)
  private String value;

  protected CustomerAttribute() {}

  CustomerAttribute(long tenantId, String name, String value) {
    this.tenantId = tenantId;
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerAttribute other
        && tenantId == other.tenantId
        && name.equals(other.name)
        && Objects.equals(value, other.value);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, name, value);
  }
}
