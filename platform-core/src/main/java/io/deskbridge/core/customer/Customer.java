package io.deskbridge.core.customer;

import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
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
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A person the tenant supports, with what the customer card shows: contacts, plan, LTV, tags and the
 * channel identities through which they reach the inbox. Staff notes are kept apart ({@link
 * CustomerNote}) because they must never be part of anything sent to the customer.
 */
@Entity
@Table(name = "customer")
public class Customer {

  @Id
  @SequenceGenerator(name = "customer_seq", sequenceName = "customer_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "customer_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(length = 200)
  private String name;

  @Column(length = 254)
  private String email;

  @Column(length = 32)
  private String phone;

  @Enumerated(EnumType.STRING)
  @Column(length = 2)
  private Language language;

  @Column(name = "account_id", length = 100)
  private String accountId;

  @Column(length = 100)
  private String plan;

  @Embedded
  @AttributeOverrides({
    @AttributeOverride(name = "amount", column = @Column(name = "ltv_amount")),
    @AttributeOverride(name = "currency", column = @Column(name = "ltv_currency"))
  })
  private Money ltv;

  @ElementCollection
  @CollectionTable(name = "customer_identity", joinColumns = @JoinColumn(name = "customer_id"))
  private Set<ChannelIdentity> identities = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "customer_tag", joinColumns = @JoinColumn(name = "customer_id"))
  private Set<CustomerTag> tags = new HashSet<>();

  @ElementCollection
  @CollectionTable(name = "customer_attribute", joinColumns = @JoinColumn(name = "customer_id"))
  private Set<CustomerAttribute> attributes = new HashSet<>();

  /** Handbook 004: "our clients" report problems often, so their conversations go first. */
  @Column(name = "our_client", nullable = false)
  private boolean ourClient;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Customer() {}

  public Customer(TenantId tenant, String name, Instant now) {
    this.tenantId = tenant.value();
    this.name = name;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** Applies the changed fields of a profile; {@code null} fields are left as they are. */
  public void update(CustomerProfile profile, Instant now) {
    if (profile.name() != null) name = blankToNull(profile.name());
    if (profile.email() != null) email = blankToNull(profile.email());
    if (profile.phone() != null) phone = blankToNull(profile.phone());
    if (profile.language() != null) language = profile.language();
    if (profile.accountId() != null) accountId = blankToNull(profile.accountId());
    if (profile.plan() != null) plan = blankToNull(profile.plan());
    if (profile.ltv() != null) ltv = profile.ltv();
    if (profile.attributes() != null) replaceAttributes(profile.attributes());
    updatedAt = now;
  }

  /**
   * Marks or unmarks the customer as one of "our clients"; answers whether that changed anything, since
   * then their open conversations must follow.
   */
  public boolean treatAsOurClient(boolean ourClient, Instant now) {
    if (this.ourClient == ourClient) {
      return false;
    }
    this.ourClient = ourClient;
    updatedAt = now;
    return true;
  }

  public void recognizeAs(String channel, String externalId) {
    identities.add(new ChannelIdentity(tenantId, channel, externalId));
  }

  public void tag(String tag, Instant now) {
    if (tags.add(new CustomerTag(tenantId, tag))) {
      updatedAt = now;
    }
  }

  public void retag(java.util.Collection<String> newTags, Instant now) {
    tags.clear();
    newTags.forEach(t -> tags.add(new CustomerTag(tenantId, t)));
    updatedAt = now;
  }

  public void untag(String tag, Instant now) {
    if (tags.remove(new CustomerTag(tenantId, tag))) {
      updatedAt = now;
    }
  }

  private void replaceAttributes(Map<String, String> values) {
    attributes.clear();
    values.forEach((k, v) -> attributes.add(new CustomerAttribute(tenantId, k, v)));
  }

  /** The card shows "email missing" so the agent knows to ask for it (handbook 002). */
  public boolean isEmailMissing() {
    return email == null;
  }

  public boolean isOurClient() {
    return ourClient;
  }

  private static String blankToNull(String value) {
    return value.isBlank() ? null : value.trim();
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

  public Optional<String> email() {
    return Optional.ofNullable(email);
  }

  public Optional<String> phone() {
    return Optional.ofNullable(phone);
  }

  public Optional<Language> language() {
    return Optional.ofNullable(language);
  }

  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  public Optional<String> plan() {
    return Optional.ofNullable(plan);
  }

  public Optional<Money> ltv() {
    return Optional.ofNullable(ltv);
  }

  public List<ChannelIdentity> identities() {
    return identities.stream()
        .sorted(Comparator.comparing(ChannelIdentity::channel).thenComparing(ChannelIdentity::externalId))
        .toList();
  }

  public List<String> tags() {
    return tags.stream().map(CustomerTag::name).sorted().toList();
  }

  public Map<String, String> attributes() {
    Map<String, String> map = new LinkedHashMap<>();
    attributes.stream()
        .sorted(Comparator.comparing(CustomerAttribute::name))
        .forEach(a -> map.put(a.name(), a.value()));
    return map;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long version() {
    return version;
  }
}
