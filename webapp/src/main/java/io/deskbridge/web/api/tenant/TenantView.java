package io.deskbridge.web.api.tenant;

import io.deskbridge.core.tenant.Tenant;
import io.deskbridge.web.api.Timestamps;
import java.util.Map;

public record TenantView(
    String slug, String name, String timezone, String language, Map<String, String> settings,
    String createdAt) {

  public static TenantView of(Tenant t) {
    return new TenantView(t.slug(), t.name(), t.timezone().getId(), t.language().code(), t.settings(),
        Timestamps.iso(t.createdAt()));
  }
}
