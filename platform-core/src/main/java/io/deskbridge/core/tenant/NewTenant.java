package io.deskbridge.core.tenant;

/** What the operator supplies to open a tenant, including its first administrator. */
public record NewTenant(String slug, String name, String timezone, String language, FirstAdmin admin) {

  public record FirstAdmin(String email, String name, String password) {}
}
