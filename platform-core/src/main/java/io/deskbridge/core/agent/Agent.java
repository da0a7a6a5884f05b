package io.deskbridge.core.agent;

import io.deskbridge.core.tenant.TenantId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A person who works in a tenant's helpdesk. Deactivated agents keep their history (their replies
 * still name them) but can no longer log in or be assigned.
 */
@Entity
@Table(name = "agent")
public class Agent {

  @Id
  @SequenceGenerator(name = "agent_seq", sequenceName = "agent_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "agent_seq")
  private Long id;

  @Column(name = "tenant_id", nullable = false)
  private long tenantId;

  @Column(nullable = false, length = 254)
  private String email;

  @Column(nullable = false, length = 200)
  private String name;

  @Convert(converter = RoleSetConverter.class)
  @Column(nullable = false, length = 100)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 10)
  private Availability availability = Availability.OFFLINE;

  @Column(name = "password_hash", nullable = false, length = 300)
  private String passwordHash;

  @Column(nullable = false)
  private boolean active = true;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  /** The departments whose queues the agent works; round-robin gives them those departments' chats. */
  @ElementCollection
  @CollectionTable(name = "agent_department", joinColumns = @JoinColumn(name = "agent_id"))
  @Column(name = "department_id")
  private Set<Long> departmentIds = new HashSet<>();

  /**
   * When the agent last got a conversation. Written only by an update of its own (see
   * AgentRepository#recordAssignment), never with the entity: an assignment must neither bump the
   * version an admin's edit is checked against nor fail on it.
   */
  @Column(name = "last_assigned_at", insertable = false, updatable = false)
  private Instant lastAssignedAt;

  @Version private long version;

  protected Agent() {}

  public Agent(
      TenantId tenant, String email, String name, Set<Role> roles, PasswordHash password, Instant now) {
    this.tenantId = tenant.value();
    this.email = normalizeEmail(email);
    this.name = name;
    this.roles = EnumSet.copyOf(roles);
    this.passwordHash = password.encoded();
    this.createdAt = now;
  }

  public static String normalizeEmail(String email) {
    return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
  }

  public void goOnline() {
    availability = Availability.ONLINE;
  }

  public void goOffline() {
    availability = Availability.OFFLINE;
  }

  public void rename(String name) {
    this.name = name;
  }

  public void grant(Set<Role> roles) {
    this.roles = EnumSet.copyOf(roles);
  }

  /** Replaces the departments the agent works in. */
  public void workIn(Collection<Long> departmentIds) {
    this.departmentIds.clear();
    this.departmentIds.addAll(departmentIds);
  }

  public void changePassword(PasswordHash password) {
    this.passwordHash = password.encoded();
  }

  /** Leaves the team: offline for good, no login, no new assignments; history stays. */
  public void deactivate() {
    this.active = false;
    this.availability = Availability.OFFLINE;
  }

  public boolean acceptsPassword(String password) {
    return active && new PasswordHash(passwordHash).matches(password);
  }

  public boolean hasRole(Role role) {
    return roles.contains(role);
  }

  public boolean isOnline() {
    return availability == Availability.ONLINE;
  }

  public Long id() {
    return id;
  }

  public TenantId tenantId() {
    return new TenantId(tenantId);
  }

  public String email() {
    return email;
  }

  public String name() {
    return name;
  }

  public Set<Role> roles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public Availability availability() {
    return availability;
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Set<Long> departmentIds() {
    return Set.copyOf(departmentIds);
  }

  public Optional<Instant> lastAssignedAt() {
    return Optional.ofNullable(lastAssignedAt);
  }

  public long version() {
    return version;
  }
}
