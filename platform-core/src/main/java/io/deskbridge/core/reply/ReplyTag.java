package io.deskbridge.core.reply;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Locale;
import java.util.Objects;

/** A label grouping saved replies ("billing", "hold"). */
@Embeddable
public class ReplyTag {

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "tag", nullable = false, length = 50)
  private String name;

  protected ReplyTag() {}

  ReplyTag(long tenantId, String name) {
    this.tenantId = tenantId;
    this.name = name.trim().toLowerCase(Locale.ROOT);
  }

  public String name() {
    return name;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReplyTag other && tenantId == other.tenantId && name.equals(other.name);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, name);
  }
}
