package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's stored, named {@link SlaPolicy}; plans and the tenant's rules point at it by id. */
@Entity
@Table(name = "sla_policy")
public class TenantSlaPolicy {

  @Id
  @SequenceGenerator(name = "sla_policy_seq", sequenceName = "sla_policy_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sla_policy_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "first_reply", nullable = false, length = 40)
  private String firstReply;

  @Column(name = "next_reply", nullable = false, length = 40)
  private String nextReply;

  @Column(nullable = false, length = 40)
  private String resolution;

  @Column(name = "warn_at_share", nullable = false)
  private double warnAtShare;

  @Column(name = "paused_statuses", nullable = false, length = 100)
  private String pausedStatuses;

  @Version private long version;

  protected TenantSlaPolicy() {}

  public TenantSlaPolicy(TenantId tenant, SlaPolicy policy) {
    this.tenantId = tenant.value();
    change(policy);
  }

  public final void change(SlaPolicy policy) {
    name = policy.name().strip();
    firstReply = policy.firstReply().text();
    nextReply = policy.nextReply().text();
    resolution = policy.resolution().text();
    warnAtShare = policy.warnAtShare();
    pausedStatuses = policy.pausedStatuses().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
  }

  public SlaPolicy policy() {
    Set<ConversationStatus> paused = pausedStatuses.isEmpty() ? Set.of()
        : Arrays.stream(pausedStatuses.split(",")).map(ConversationStatus::valueOf).collect(Collectors.toSet());
    return new SlaPolicy(name, SlaDuration.parse(firstReply), SlaDuration.parse(nextReply),
        SlaDuration.parse(resolution), warnAtShare, paused);
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String name() {
    return name;
  }

  public long version() {
    return version;
  }
}
