package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.ConversationNotes;
import io.deskbridge.core.plugin.spi.ConversationWake;
import io.deskbridge.core.plugin.spi.CustomerReplies;
import io.deskbridge.core.plugin.spi.ModuleJobs;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.ratelimit.SharedRateLimits;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.core.tenant.TenantId;
import io.deskbridge.core.tenant.TenantRepository;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Holds the live plugin instance of every (tenant, module) in use on this server. An instance is
 * rebuilt when the stored settings' version changes, so a configuration saved on one instance of a
 * cluster takes effect on all of them; the replaced instance is closed.
 */
@ApplicationScoped
public class ModuleRuntime {

  private static final Logger LOG = Logger.getLogger(ModuleRuntime.class.getName());

  private record Key(long tenantId, String moduleId) {}

  private record Live(long version, Plugin plugin) {}

  private final Map<Key, Live> live = new ConcurrentHashMap<>();

  private final PluginCatalog catalog;
  private final PlatformSettings settings;
  private final ModuleMappings mappings;
  private final ConversationPort conversations;
  private final TenantRepository tenants;
  private final Clock clock;
  private final SecretBox box;
  private final ModuleDirectory directory;
  private final SharedRateLimits limits;

  @Inject
  public ModuleRuntime(PluginCatalog catalog, PlatformSettings settings, ModuleMappings mappings,
      ConversationPort conversations, TenantRepository tenants, Clock clock, ModuleDirectory directory,
      SharedRateLimits limits) {
    this.catalog = catalog;
    this.settings = settings;
    this.mappings = mappings;
    this.conversations = conversations;
    this.tenants = tenants;
    this.clock = clock;
    this.directory = directory;
    this.limits = limits;
    this.box = settings == null ? null : new SecretBox(settings.secretKey());
  }

  protected ModuleRuntime() {
    this(null, null, null, null, null, null, null, null);
  }

  /** The live instance for these settings, built (or rebuilt) when needed. */
  public Plugin instance(TenantModule stored) {
    Key key = new Key(stored.tenantId().value(), stored.moduleId());
    Live current = live.get(key);
    if (current != null && current.version() == stored.version()) {
      return current.plugin();
    }
    synchronized (this) {
      current = live.get(key);
      if (current != null && current.version() == stored.version()) {
        return current.plugin();
      }
      Plugin created = build(stored);
      Live previous = live.put(key, new Live(stored.version(), created));
      if (previous != null) {
        close(previous.plugin());
      }
      return created;
    }
  }

  /** Closes the instance of a disabled module. */
  public void forget(TenantId tenant, String moduleId) {
    Live previous = live.remove(new Key(tenant.value(), moduleId));
    if (previous != null) {
      close(previous.plugin());
    }
  }

  Plugin build(TenantModule stored) {
    PluginFactory factory = catalog.get(stored.moduleId());
    Tenant tenant = tenants.findById(stored.tenantId())
        .orElseThrow(() -> new NotFoundException("Tenant", stored.tenantId()));
    PluginContext context = new PluginContext(tenant.id(), tenant.slug(), config(factory, stored),
        settings.publicUrl(), mappings.forModule(tenant.id(), stored.moduleId()),
        conversations.notes(tenant.tenantId()), clock, directory.forTenant(tenant.tenantId()),
        conversations.replies(tenant.tenantId(), stored.moduleId()),
        conversations.jobs(tenant.tenantId(), stored.moduleId()), conversations.wake(tenant.tenantId()),
        limits.forModule(tenant.id(), stored.moduleId()));
    return factory.create(context);
  }

  PluginConfig config(PluginFactory factory, TenantModule stored) {
    return ModuleConfigs.load(factory.configSpec(), JsonValues.read(stored.configJson()), secrets(stored));
  }

  /** The stored secrets in the clear, for re-validation; never leaves the server. */
  Map<String, String> secrets(TenantModule stored) {
    if (stored.sealedSecrets() == null) {
      return Map.of();
    }
    return JsonValues.readStrings(box.open(stored.sealedSecrets(), stored.secretBinding()));
  }

  String seal(Map<String, String> secrets, TenantModule stored) {
    return secrets.isEmpty() ? null : box.seal(JsonValues.write(secrets), stored.secretBinding());
  }

  private static void close(Plugin plugin) {
    try {
      plugin.close();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "A module instance failed to close", e);
    }
  }

  @PreDestroy
  void closeAll() {
    live.values().forEach(l -> close(l.plugin()));
    live.clear();
  }

  /** What modules may write into their tenant's conversations, adapted from the conversation package. */
  public interface ConversationPort {
    ConversationNotes notes(TenantId tenant);

    CustomerReplies replies(TenantId tenant, String moduleId);

    ModuleJobs jobs(TenantId tenant, String moduleId);

    ConversationWake wake(TenantId tenant);
  }
}
