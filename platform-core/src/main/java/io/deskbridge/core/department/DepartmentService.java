package io.deskbridge.core.department;

import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.List;

/** Creates and edits a tenant's departments (queues); names are unique within the tenant. */
@ApplicationScoped
@Transactional
public class DepartmentService {

  private final DepartmentRepository departments;

  @Inject
  public DepartmentService(DepartmentRepository departments) {
    this.departments = departments;
  }

  protected DepartmentService() {
    this(null);
  }

  public Department create(TenantId tenant, String name, String description) {
    validate(name, description);
    ensureNameFree(tenant, name.trim(), null);
    Department department = new Department(tenant, name.trim(), description);
    departments.add(department);
    return department;
  }

  public Department update(TenantId tenant, long id, String name, String description) {
    validate(name, description);
    Department department = get(tenant, id);
    ensureNameFree(tenant, name.trim(), id);
    department.describe(name.trim(), description);
    return department;
  }

  /**
   * A department that still has conversations cannot be removed: their history would dangle. Its
   * agents simply leave it.
   */
  public void delete(TenantId tenant, long id) {
    Department department = get(tenant, id);
    if (departments.inUse(tenant, id)) {
      throw new ConflictException(
          "department-in-use", "Department " + id + " still has conversations; transfer them first.");
    }
    departments.remove(department);
  }

  public Department get(TenantId tenant, long id) {
    return departments.findById(tenant, id).orElseThrow(() -> new NotFoundException("Department", id));
  }

  public List<Department> list(TenantId tenant) {
    return departments.list(tenant);
  }

  private void ensureNameFree(TenantId tenant, String name, Long self) {
    departments
        .findByName(tenant, name)
        .filter(d -> !d.id().equals(self))
        .ifPresent(d -> {
          throw new ConflictException("duplicate-name", "A department named '" + name + "' exists.");
        });
  }

  private static void validate(String name, String description) {
    new Validation()
        .required("name", name)
        .maxLength("name", name, 200)
        .maxLength("description", description, 2000)
        .orThrow();
  }
}
