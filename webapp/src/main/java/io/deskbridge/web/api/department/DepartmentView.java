package io.deskbridge.web.api.department;

import io.deskbridge.core.department.Department;

public record DepartmentView(long id, String name, String description, long version) {

  static DepartmentView of(Department d) {
    return new DepartmentView(d.id(), d.name(), d.description(), d.version());
  }
}
