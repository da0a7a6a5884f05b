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
}
