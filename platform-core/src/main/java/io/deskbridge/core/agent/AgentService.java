package io.deskbridge.core.agent;

import io.deskbridge.core.access.AccessService;
import io.deskbridge.core.department.DepartmentRepository;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.NewTenant;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantOnboarding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Manages a tenant's team. A tenant always keeps at least one active administrator, so nobody can
 * lock the team out of its own settings.
 */
@ApplicationScoped
@Transactional
public class AgentService implements TenantOnboarding {

  private final AgentRepository agents;
  private final AccessService access;
  private final DepartmentRepository departments;
  private final Clock clock;

  @Inject
  public AgentService(AgentRepository agents, AccessService access, DepartmentRepository departments,
      Clock clock) {
    this.agents = agents;
    this.access = access;
    this.departments = departments;
    this.clock = clock;
  }

  protected AgentService() {
    this(null, null, null, null);
  }

  public Agent create(TenantId tenant, NewAgent request) {
    validate(request.email(), request.name(), request.password(), request.roles(), "")
        .check(listsIds(request.departmentIds()), "departmentIds", "must list department ids")
        .orThrow();
    requireDepartments(tenant, request.departmentIds());
    if (agents.findByEmail(tenant, request.email()).isPresent()) {
      throw new ConflictException("duplicate-email", "An agent with email " + request.email() + " exists.");
    }
    Agent agent = new Agent(tenant, request.email(), request.name().trim(), request.roles(),
        PasswordHash.of(request.password()), clock.instant());
    if (request.departmentIds() != null) {
      agent.workIn(request.departmentIds());
    }
    agents.add(agent);
    return agent;
  }

  @Override
  public void validateFirstAdmin(NewTenant.FirstAdmin admin) {
    validate(admin.email(), admin.name(), admin.password(), Set.of(Role.ADMIN), "admin.").orThrow();
  }

  @Override
  public Agent createFirstAdmin(Tenant tenant, NewTenant.FirstAdmin admin) {
    return create(tenant.tenantId(),
        new NewAgent(admin.email(), admin.name(), admin.password(), EnumSet.of(Role.ADMIN, Role.AGENT)));
  }

  /** Changes what is given: {@code null} leaves a field as it is; empty departments clear them. */
  public Agent update(TenantId tenant, long id, String name, Set<Role> roles, Set<Long> departmentIds,
      Long expectedVersion) {
    Validation v = new Validation()
        .check(listsIds(departmentIds), "departmentIds", "must list department ids");
    if (name != null) {
      v.required("name", name).maxLength("name", name, 200);
    }
    if (roles != null) {
      v.notEmpty("roles", roles);
    }
    v.orThrow();
    Agent agent = current(tenant, id, expectedVersion);
    requireDepartments(tenant, departmentIds);
    if (roles != null && agent.hasRole(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
      requireAnotherAdmin(tenant, agent);
    }
    if (name != null) {
      agent.rename(name.trim());
    }
    if (roles != null) {
      agent.grant(roles);
    }
    if (departmentIds != null) {
      agent.workIn(departmentIds);
    }
    return agent;
  }

  public Agent changePassword(TenantId tenant, long id, String password) {
    new Validation().required("password", password).check(
        password == null || password.length() >= PasswordHash.MIN_LENGTH, "password",
        "must be at least " + PasswordHash.MIN_LENGTH + " characters").orThrow();
    Agent agent = get(tenant, id);
    agent.changePassword(PasswordHash.of(password));
    access.revokeSessions(tenant, id);
    return agent;
  }

  public Agent setAvailability(TenantId tenant, long id, Availability availability) {
    new Validation().required("availability", availability).orThrow();
    Agent agent = get(tenant, id);
    if (!agent.isActive()) {
      throw new ConflictException("agent-inactive", "Agent " + id + " is deactivated.");
    }
    if (availability == Availability.ONLINE) {
      agent.goOnline();
    } else {
      agent.goOffline();
    }
    return agent;
  }

  /** Deactivates instead of deleting: the agent's replies and notes keep their author. */
  public Agent deactivate(TenantId tenant, long id) {
    Agent agent = get(tenant, id);
    if (agent.hasRole(Role.ADMIN)) {
      requireAnotherAdmin(tenant, agent);
    }
    agent.deactivate();
    access.revokeSessions(tenant, id);
    return agent;
  }

  public Agent get(TenantId tenant, long id) {
    return agents.findById(tenant, id).orElseThrow(() -> new NotFoundException("Agent", id));
  }

  public List<Agent> list(TenantId tenant) {
    return agents.list(tenant);
  }

  private Agent current(TenantId tenant, long id, Long expectedVersion) {
    Agent agent = get(tenant, id);
    ConflictException.requireVersion("Agent", id, expectedVersion, agent.version());
    return agent;
  }

  /** Like a conversation's department, an unknown (or another tenant's) department is a 404. */
  private void requireDepartments(TenantId tenant, Collection<Long> departmentIds) {
    if (departmentIds != null) {
      for (Long departmentId : departmentIds) {
        departments.findById(tenant, departmentId)
            .orElseThrow(() -> new NotFoundException("Department", departmentId));
      }
    }
  }

  private static boolean listsIds(Collection<Long> departmentIds) {
    return departmentIds == null || departmentIds.stream().allMatch(Objects::nonNull);
  }

  private void requireAnotherAdmin(TenantId tenant, Agent leaving) {
    boolean another = agents.list(tenant).stream()
        .anyMatch(a -> a.isActive() && a.hasRole(Role.ADMIN) && !a.id().equals(leaving.id()));
    if (!another) {
      throw new ConflictException("last-admin", "The tenant must keep at least one active admin.");
    }
  }

  private static Validation validate(String email, String name, String password, Set<Role> roles,
      String prefix) {
    return new Validation()
        .required(prefix + "email", email)
        .maxLength(prefix + "email", email, 254)
        .email(prefix + "email", email)
        .required(prefix + "name", name)
        .maxLength(prefix + "name", name, 200)
        .required(prefix + "password", password)
        .check(password == null || password.length() >= PasswordHash.MIN_LENGTH, prefix + "password",
            "must be at least " + PasswordHash.MIN_LENGTH + " characters")
        .notEmpty(prefix + "roles", roles);
  }
}
