package io.deskbridge.core.customer;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * How a channel knows the customer (a Telegram user id, a widget visitor id, an email address). The
 * pair channel + external id is unique within a tenant, so a returning customer is recognised.
 */
@Embeddable
public class ChannelIdentity {

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 30)
  private String channel;

  @Column(name = "external_id", nullable = false, length = 200)
  private String externalId;

  protected ChannelIdentity() {}

  ChannelIdentity(long tenantId, String channel, String externalId) {
    this.tenantId = tenantId;
    this.channel = channel;
    this.externalId = externalId;
  }

  public String channel() {
    return channel;
  }

  public String externalId() {
    return externalId;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ChannelIdentity other
        && tenantId == other.tenantId
        && channel.equals(other.channel)
        && externalId.equals(other.externalId);
  }

  @Override
  public int hashCode() {
    return Objects.hash(tenantId, channel, externalId);
  }
}
