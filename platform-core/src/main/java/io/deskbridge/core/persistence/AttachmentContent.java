package io.deskbridge.core.persistence;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of one attachment, in their own table so listing attachments never loads them. */
@Entity
@Table(name = "attachment_content")
public class AttachmentContent {

  @Id
  @Column(name = "content_key", length = 100)
  private String key;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  private byte[] content;

  protected AttachmentContent() {}

  AttachmentContent(TenantId tenant, String key, byte[] content) {
    this.tenantId = tenant.value();
    this.key = key;
    this.content = content;
  }

  boolean belongsTo(TenantId tenant) {
    return tenantId == tenant.value();
  }

  byte[] bytes() {
    return content;
  }
}
