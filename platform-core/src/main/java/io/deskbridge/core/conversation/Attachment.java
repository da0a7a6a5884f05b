package io.deskbridge.core.conversation;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/**
 * A file on a timeline entry (a receipt photo, a log). The bytes live in the {@link AttachmentStore}
 * under {@code contentKey}; this row is what lists and previews need.
 */
@Entity
@Table(name = "attachment")
public class Attachment {

  @Id
  @SequenceGenerator(name = "attachment_seq", sequenceName = "attachment_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "attachment_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(name = "message_id", nullable = false)
  private long messageId;

  @Column(nullable = false, length = 255)
  private String name;

  @Column(name = "content_type", nullable = false, length = 150)
  private String contentType;

  @Column(name = "size_bytes", nullable = false)
  private long size;

  @Column(name = "content_key", nullable = false, length = 100)
  private String contentKey;

  protected Attachment() {}

  public Attachment(Message message, NewAttachment file, String contentKey) {
    this.tenantId = message.tenantId().value();
    this.messageId = message.id();
    this.name = file.name();
    this.contentType = file.contentType();
    this.size = file.content().length;
    this.contentKey = contentKey;
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public long messageId() {
    return messageId;
  }

  public String name() {
    return name;
  }

  public String contentType() {
    return contentType;
  }

  public long size() {
    return size;
  }

  public String contentKey() {
    return contentKey;
  }
}
