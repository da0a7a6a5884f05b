package io.deskbridge.core.category;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface CategoryRepository {

  Optional<Category> findById(TenantId tenant, long id);

  Optional<Category> findByName(TenantId tenant, String name);

  List<Category> list(TenantId tenant, boolean includeArchived);

  void add(Category category);
}
