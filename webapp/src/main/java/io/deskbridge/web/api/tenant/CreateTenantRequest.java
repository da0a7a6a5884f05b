package io.deskbridge.web.api.tenant;

import io.deskbridge.core.tenant.NewTenant;

public record CreateTenantRequest(String slug, String name, String timezone, String language, Admin admin) {

  public record Admin(String email, String name, String password) {}

  NewTenant toNewTenant() {
    return new NewTenant(slug, name, timezone, language,
        admin == null ? null : new NewTenant.FirstAdmin(admin.email(), admin.name(), admin.password()));
  }
}
