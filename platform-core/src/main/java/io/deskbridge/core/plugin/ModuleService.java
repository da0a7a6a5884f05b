package io.deskbridge.core.plugin;

import io.deskbridge.core.outbox.JobState;
import io.deskbridge.core.outbox.OutboxRepository;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.FieldError;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns modules on and off per tenant and keeps their configuration: validated against the module's
 * spec before anything is saved, secrets sealed, every change in the audit log. Jobs of a disabled
 * module wait (PAUSED) and resume when it is enabled again, unless the admin discards them.
 */
@ApplicationScoped
@Transactional
public class ModuleService {

  private final PluginCatalog catalog;
  private final ModuleRepository modules;
  private final OutboxRepository jobs;
  private final ModuleRuntime runtime;
  private final Clock clock;

  @Inject
  public ModuleService(PluginCatalog catalog, ModuleRepository modules, OutboxRepository jobs,
      ModuleRuntime runtime, Clock clock) {
    this.catalog = catalog;
    this.modules = modules;
    this.jobs = jobs;
    this.runtime = runtime;
    this.clock = clock;
  }

  protected ModuleService() {
    this(null, null, null, null, null);
  }

  public List<ModuleState> catalogue(TenantId tenant) {
    List<ModuleState> states = new ArrayList<>();
    for (PluginFactory factory : catalog.factories()) {
      states.add(state(factory, modules.find(tenant, factory.id())));
    }
    return states;
  }

  public ModuleState get(TenantId tenant, String moduleId) {
    PluginFactory factory = catalog.get(moduleId);
    return state(factory, modules.find(tenant, moduleId));
  }

  /** @param raw the configuration as typed, or null to keep the stored one */
  public ModuleState configure(TenantId tenant, String moduleId, boolean enabled, Map<String, Object> raw,
      Long agentId) {
    PluginFactory factory = catalog.get(moduleId);
    Optional<TenantModule> existing = modules.find(tenant, moduleId);
    TenantModule stored = existing.orElseGet(() -> new TenantModule(tenant, moduleId));
    Map<String, String> oldSecrets = existing.map(runtime::secrets).orElse(Map.of());
    Map<String, Object> oldPlain = existing.map(m -> JsonValues.read(m.configJson())).orElse(Map.of());
    // No config in the request: switch on or off with the settings already stored.
    ModuleConfigs.Parsed parsed = ModuleConfigs.parse(factory.configSpec(), raw == null ? oldPlain : raw, oldSecrets);
    List<FieldError> errors = new ArrayList<>(parsed.errors());
    if (errors.isEmpty()) {
      errors.addAll(factory.validate(parsed.config()));
    }
    if (!errors.isEmpty()) {
      throw new InvalidModuleConfigException(moduleId, errors);
    }
    boolean wasEnabled = existing.map(TenantModule::isEnabled).orElse(false);
    Instant now = clock.instant();
    stored.configure(enabled, JsonValues.write(parsed.plain()), runtime.seal(parsed.secrets(), stored), agentId, now);
    if (existing.isEmpty()) {
      modules.add(stored);
    }
    if (enabled && !wasEnabled) {
      jobs.move(tenant, moduleId, JobState.PAUSED, JobState.PENDING, now);
    } else if (!enabled && wasEnabled) {
      jobs.move(tenant, moduleId, JobState.PENDING, JobState.PAUSED, now);
    }
    String action = enabled == wasEnabled || existing.isEmpty() && !enabled ? "CONFIGURED"
        : enabled ? "ENABLED" : "DISABLED";
    modules.add(new ModuleChange(tenant, moduleId, agentId, action,
        changedKeys(oldPlain, parsed.plain(), oldSecrets, parsed.secrets()), now));
    return state(factory, Optional.of(stored));
  }

  /** Turns the module off; its queued jobs wait for it, or are discarded when asked. */
  public ModuleState disable(TenantId tenant, String moduleId, boolean discardPending, Long agentId) {
    PluginFactory factory = catalog.get(moduleId);
    TenantModule stored = modules.find(tenant, moduleId)
        .orElseThrow(() -> new NotFoundException("Module settings", moduleId));
    Instant now = clock.instant();
    stored.disable(agentId, now);
    jobs.move(tenant, moduleId, JobState.PENDING, discardPending ? JobState.DISCARDED : JobState.PAUSED, now);
    if (discardPending) {
      jobs.move(tenant, moduleId, JobState.PAUSED, JobState.DISCARDED, now);
    }
    modules.add(new ModuleChange(tenant, moduleId, agentId, discardPending ? "DISABLED_DISCARDED" : "DISABLED",
        null, now));
    runtime.forget(tenant, moduleId);
    return state(factory, Optional.of(stored));
  }

  public List<ModuleChange> history(TenantId tenant, String moduleId) {
    catalog.get(moduleId);
    return modules.history(tenant, moduleId);
  }

  /** Runs the module's connection test with the tenant's saved configuration. */
  @Transactional(Transactional.TxType.NOT_SUPPORTED)
  public ConnectionCheck test(TenantId tenant, String moduleId) {
    catalog.get(moduleId);
    TenantModule stored = modules.find(tenant, moduleId).orElseThrow(() -> new ConflictException(
        "module-not-configured", "Configure module '" + moduleId + "' before testing its connection."));
    try {
      return runtime.instance(stored).testConnection();
    } catch (RuntimeException e) {
      return ConnectionCheck.failed("The module could not run its test: " + e.getClass().getSimpleName());
    }
  }

  private ModuleState state(PluginFactory factory, Optional<TenantModule> stored) {
    if (stored.isEmpty()) {
      return new ModuleState(factory, false, Map.of(), java.util.Set.of(), null);
    }
    TenantModule m = stored.get();
    return new ModuleState(factory, m.isEnabled(), JsonValues.read(m.configJson()),
        runtime.secrets(m).keySet(), m.version());
  }

  private static String changedKeys(Map<String, Object> oldPlain, Map<String, Object> newPlain,
      Map<String, String> oldSecrets, Map<String, String> newSecrets) {
    TreeSet<String> changed = new TreeSet<>();
    TreeSet<String> keys = new TreeSet<>(oldPlain.keySet());
    keys.addAll(newPlain.keySet());
    keys.stream().filter(k -> !Objects.equals(String.valueOf(oldPlain.get(k)), String.valueOf(newPlain.get(k))))
        .forEach(changed::add);
    TreeSet<String> secretKeys = new TreeSet<>(oldSecrets.keySet());
    secretKeys.addAll(newSecrets.keySet());
    secretKeys.stream().filter(k -> !Objects.equals(oldSecrets.get(k), newSecrets.get(k))).forEach(changed::add);
    return String.join(",", changed);
  }
}
