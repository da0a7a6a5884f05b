package io.deskbridge.core.plugin;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface ModuleRepository {

  Optional<TenantModule> find(TenantId tenant, String moduleId);

  List<TenantModule> all(TenantId tenant);

  List<TenantModule> enabled(TenantId tenant);

  void add(TenantModule settings);

  void add(ModuleChange change);

  List<ModuleChange> history(TenantId tenant, String moduleId);

  Optional<ModuleMapping> mapping(long tenantId, String moduleId, String localType, String localId);

  void add(ModuleMapping mapping);

  void remove(ModuleMapping mapping);

  /** The mappings of one local type, the most recently changed first. */
  List<ModuleMapping> recentMappings(long tenantId, String moduleId, String localType, int limit);

  /** Points the mapping at {@code replacement} only if it still points at {@code expected}; rows changed. */
  int replaceMapping(long tenantId, String moduleId, String localType, String localId, String expected,
      String replacement, java.time.Instant at);

  /** Adds the mapping and writes it at once, so a concurrent duplicate fails here. */
  void addNow(ModuleMapping mapping);
}
