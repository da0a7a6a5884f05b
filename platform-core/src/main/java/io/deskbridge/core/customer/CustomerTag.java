package io.deskbridge.core.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;

/** A label on a customer ("our client", "vip", "reseller"); conversations are searchable by it. */
@Embeddable
public class CustomerTag {

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "tag", nullable = false, length = 50)
  private String name;

  protected CustomerTag() {}

  CustomerTag(long tenantId, String name) {
    this.tenantId = tenantId;
    this.name = normalize(name);
  }

  /** Tags compare case-insensitively: "VIP" and "vip" are one tag. */
  public static String normalize(String tag) {
    return tag.trim().toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CustomerTag other && tenantId == other.tenantId && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, name);
  }
}
