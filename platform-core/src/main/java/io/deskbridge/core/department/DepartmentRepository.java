package io.deskbridge.core.department;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface DepartmentRepository {

  Optional<Department> findById(TenantId tenant, long id);

  Optional<Department> findByName(TenantId tenant, String name);

  List<Department> list(TenantId tenant);

  boolean inUse(TenantId tenant, long id);

  void add(Department department);

  /** Removes the department and every agent's membership of it. */
  void remove(Department department);
}
