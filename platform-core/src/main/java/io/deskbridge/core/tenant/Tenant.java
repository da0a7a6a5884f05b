package io.deskbridge.core.tenant;

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
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * A support organisation using Deskbridge. Every other row belongs to exactly one tenant, and every
 * query is scoped by it; the slug is how the API and the webhooks name it.
 */
@Entity
@Table(name = "tenant")
public class Tenant {

  /** The largest attachment the tenant accepts, in bytes (default 10 MB). */
  public static final String ATTACHMENT_LIMIT_SETTING = "attachments.maxBytes";

  @Id
  @SequenceGenerator(name = "tenant_seq", sequenceName = "tenant_seq", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tenant_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 40)
  private String slug;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 64)
  private String timezone;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 2)
  private Language language;

  @ElementCollection
  @CollectionTable(name = "tenant_setting", joinColumns = @JoinColumn(name = "tenant_id"))
  @MapKeyColumn(name = "name")
  @Column(name = "setting_value", length = 4000)
  private Map<String, String> settings = new HashMap<>();

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Version private long version;

  protected Tenant() {}

  public Tenant(TenantSlug slug, String name, ZoneId timezone, Language language, Instant now) {
    this.slug = slug.value();
    this.name = name;
    this.timezone = timezone.getId();
    this.language = language;
    this.createdAt = now;
  }

  public void rename(String name) {
    this.name = name;
  }

  public void changeTimezone(ZoneId zone) {
    this.timezone = zone.getId();
  }

  public void changeLanguage(Language language) {
    this.language = language;
  }

  public void putSetting(String name, String value) {
    if (value == null) {
      settings.remove(name);
    } else {
      settings.put(name, value);
    }
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(id);
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public ZoneId timezone() {
    return ZoneId.of(timezone);
  }

  public Language language() {
    return language;
  }

  public Map<String, String> settings() {
    return Collections.unmodifiableMap(settings);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public long version() {
    return version;
  }
}
