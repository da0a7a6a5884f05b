package io.deskbridge.core.sla;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A tenant's stored support plan (handbook 003): customers name it in their {@code plan}, and it says
 * how soon a specialist engages and which stored SLA policy times the conversation's replies.
 */
@Entity
@Table(name = "support_plan")
public class TenantSupportPlan {

  @Id
  @SequenceGenerator(name = "support_plan_seq", sequenceName = "support_plan_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "support_plan_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 100)
  private String name;

  @Column(name = "time_to_engage", nullable = false, length = 40)
  private String timeToEngage;

  @Column(name = "policy_id", nullable = false)
  private long policyId;

  @Version private long version;

  protected TenantSupportPlan() {}

  public TenantSupportPlan(TenantId tenant, String name, SlaDuration timeToEngage, long policyId) {
    this.tenantId = tenant.value();
    change(name, timeToEngage, policyId);
  }

  public final void change(String name, SlaDuration timeToEngage, long policyId) {
    this.name = name.strip();
    this.timeToEngage = timeToEngage.text();
    this.policyId = policyId;
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

  public SlaDuration timeToEngage() {
    return SlaDuration.parse(timeToEngage);
  }

  public long policyId() {
    return policyId;
  }

  public long version() {
    return version;
  }
}
