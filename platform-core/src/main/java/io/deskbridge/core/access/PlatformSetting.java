package io.deskbridge.core.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A server-wide value that belongs to no tenant, such as the digest of the platform admin token. */
@Entity
@Table(name = "platform_setting")
public class PlatformSetting {

  public static final String ADMIN_TOKEN_DIGEST = "admin-token-digest";

  @Id
  @Column(length = 100)
  private String name;

  @Column(name = "setting_value", nullable = false, length = 4000)
  private String value;

  protected PlatformSetting() {}

  public PlatformSetting(String name, String value) {
    this.name = name;
    this.value = value;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }
}
