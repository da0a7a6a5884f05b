package io.deskbridge.core.conversation;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * An entry in a conversation's timeline. It is exactly one of two types: a {@link PublicMessage},
 * which the customer sees, or an {@link InternalNote}, which only staff see. The type is the
 * visibility (it is stored as the discriminator), so no flag can be flipped to make a note public,
 * and every customer-facing sender accepts {@link PublicMessage} only.
 */
@Entity
@Table(name = "message")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "visibility", discriminatorType = DiscriminatorType.STRING, length = 10)
public abstract sealed class Message permits PublicMessage, InternalNote {

  @Id
  @SequenceGenerator(name = "message_seq", sequenceName = "message_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "message_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "conversation_id", nullable = false)
  private long conversationId;

  @Enumerated(EnumType.STRING)
  @Column(name = "author_type", nullable = false, length = 10)
  private AuthorType authorType;

  @Column(name = "author_agent_id")
  private Long authorAgentId;

  @Column(nullable = false, length = 65536)
  private String text;

  /** Set when the author is no Deskbridge agent, e.g. an amoCRM manager's name. */
  @Column(name = "author_name", length = 200)
  private String authorName;

  /** The module that brought the message in from a vendor; null for Deskbridge's own and channels'. */
  @Column(length = 40)
  private String origin;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Message() {}

  protected Message(
      Conversation conversation, AuthorType authorType, Long authorAgentId, String text, Instant at) {
    this.tenantId = conversation.tenantId().value();
    this.conversationId = conversation.id();
    this.authorType = authorType;
    this.authorAgentId = authorAgentId;
    this.text = text == null ? "" : text;
    this.createdAt = at;
  }

  /** Marks a message written outside Deskbridge and brought in by a module. */
  protected void cameFrom(String module, String author) {
    this.origin = module;
    this.authorName = author;
  }

  public abstract Visibility visibility();

  public Optional<String> authorName() {
    return Optional.ofNullable(authorName);
  }

  public Optional<String> origin() {
    return Optional.ofNullable(origin);
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public long conversationId() {
    return conversationId;
  }

  public AuthorType authorType() {
    return authorType;
  }

  public Optional<Long> authorAgentId() {
    return Optional.ofNullable(authorAgentId);
  }

  public String text() {
    return text;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
