package io.deskbridge.core.tenant;

import java.util.List;
import java.util.Optional;

/** Tenants are the one aggregate not scoped by a tenant: only the platform admin lists them. */
public interface TenantRepository {

  Optional<Tenant> findBySlug(String slug);

  Optional<Tenant> findById(TenantId id);

  boolean slugTaken(String slug);

  List<Tenant> list();

  void add(Tenant tenant);
}
