package io.deskbridge.core.reply;

import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** A template an agent picks under the reply box for a frequent question (handbook 002). */
@Entity
@Table(name = "saved_reply")
public class SavedReply {

  @Id
  @SequenceGenerator(name = "saved_reply_seq", sequenceName = "saved_reply_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_reply_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 200)
  private String title;

  @Column(nullable = false, length = 10000)
  private String body;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Language language;

  @ElementCollection
  @CollectionTable(name = "saved_reply_tag", joinColumns = @JoinColumn(name = "saved_reply_id"))
  private Set<ReplyTag> tags = new HashSet<>();

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /** A reply that puts the customer on hold ("one minute, please"): it stops the auto-close. */
  @Column(nullable = false)
  private boolean hold;

  @Version private long version;

  protected SavedReply() {}

  public SavedReply(TenantId tenant, String title, String body, Language language,
      Collection<String> tags, Instant now) {
    this.tenantId = tenant.value();
    rewrite(title, body, language, tags, now);
  }

  public final void rewrite(String title, String body, Language language, Collection<String> tags,
      Instant now) {
    this.title = title;
    this.body = body;
    this.language = language;
    this.tags.clear();
    tags.forEach(t -> this.tags.add(new ReplyTag(tenantId, t)));
    this.updatedAt = now;
  }

  public ReplyTemplate template() {
    return new ReplyTemplate(body);
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String title() {
    return title;
  }

  public String body() {
    return body;
  }

  public Language language() {
    return language;
  }

  public List<String> tags() {
    return tags.stream().map(ReplyTag::name).sorted().toList();
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public boolean isHold() {
    return hold;
  }

  public void holdCustomer(boolean hold) {
    this.hold = hold;
  }

  public long version() {
    return version;
  }
}
