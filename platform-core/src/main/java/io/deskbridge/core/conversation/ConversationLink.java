package io.deskbridge.core.conversation;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.util.Objects;

/** A pointer from one conversation to a related one of the same tenant. */
@Embeddable
public class ConversationLink {

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "related_id", nullable = false)
  private long relatedId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 20)
  private LinkKind kind;

  protected ConversationLink() {}

  ConversationLink(long tenantId, long relatedId, LinkKind kind) {
    this.tenantId = tenantId;
    this.relatedId = relatedId;
    this.kind = kind;
  }

  public long relatedId() {
    return relatedId;
  }

  public LinkKind kind() {
    return kind;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ConversationLink other
        && tenantId == other.tenantId
        && relatedId == other.relatedId
        && kind == other.kind;
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, relatedId, kind);
  }
}
