package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The durable store behind every module's {@link Mappings}. Each call is its own transaction: a
 * delivery runs outside any, and a mapping must be on disk the moment the vendor gave the id.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRES_NEW)
public class ModuleMappings {

  private final ModuleRepository modules;
  private final Clock clock;

  @Inject
  public ModuleMappings(ModuleRepository modules, Clock clock) {
    this.modules = modules;
    this.clock = clock;
  }

  protected ModuleMappings() {
    this(null, null);
  }

  public Optional<String> remoteId(long tenantId, String moduleId, String localType, String localId) {
    return modules.mapping(tenantId, moduleId, localType, localId).map(ModuleMapping::remoteId);
  }

  public void remember(long tenantId, String moduleId, String localType, String localId, String remoteId) {
    modules.mapping(tenantId, moduleId, localType, localId).ifPresentOrElse(
        m -> m.pointTo(remoteId, clock.instant()),
        () -> modules.add(new ModuleMapping(tenantId, moduleId, localType, localId, remoteId, clock.instant())));
  }

  public void forget(long tenantId, String moduleId, String localType, String localId) {
    modules.mapping(tenantId, moduleId, localType, localId).ifPresent(modules::remove);
  }

  public List<Mappings.Entry> recent(long tenantId, String moduleId, String localType, int limit) {
    return modules.recentMappings(tenantId, moduleId, localType, limit).stream()
        .map(m -> new Mappings.Entry(m.localId(), m.remoteId()))
        .toList();
  }

  /** See {@link Mappings#compareAndSet}: an insert for {@code expected == null}, else a conditional update. */
  public boolean compareAndSet(long tenantId, String moduleId, String localType, String localId, String expected,
      String replacement) {
    if (expected == null) {
      if (modules.mapping(tenantId, moduleId, localType, localId).isPresent()) {
        return false;
      }
      modules.addNow(new ModuleMapping(tenantId, moduleId, localType, localId, replacement, clock.instant()));
      return true;
    }
    return modules.replaceMapping(tenantId, moduleId, localType, localId, expected, replacement,
        clock.instant()) == 1;
  }

  /** The view one tenant's module instance gets. */
  public Mappings forModule(long tenantId, String moduleId) {
    ModuleMappings store = this;
    return new Mappings() {
      @Override
      public Optional<String> remoteId(String localType, String localId) {
        return store.remoteId(tenantId, moduleId, localType, localId);
      }

      @Override
      public void remember(String localType, String localId, String remoteId) {
        store.remember(tenantId, moduleId, localType, localId, remoteId);
      }

      @Override
      public void forget(String localType, String localId) {
        store.forget(tenantId, moduleId, localType, localId);
      }

      @Override
      public List<Entry> recent(String localType, int limit) {
        return store.recent(tenantId, moduleId, localType, limit);
      }

      @Override
      public boolean compareAndSet(String localType, String localId, String expected, String replacement) {
        try {
          return store.compareAndSet(tenantId, moduleId, localType, localId, expected, replacement);
        } catch (RuntimeException e) {
          // Two servers inserted the same mapping at once: the unique key let one of them win.
          if (expected == null && store.remoteId(tenantId, moduleId, localType, localId).isPresent()) {
            return false;
          }
          throw e;
        }
      }
    };
  }
}
