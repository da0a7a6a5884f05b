package io.deskbridge.web.api.auth;

import io.deskbridge.core.access.Caller;
import java.util.List;

/** Who the presented token belongs to. */
public record CallerView(String kind, String tenant, Long agentId, List<String> roles, String scope) {

  static CallerView of(Caller c) {
    String kind = c.isPlatformAdmin() ? "PLATFORM_ADMIN" : c.isAgent() ? "AGENT" : "API_KEY";
    return new CallerView(kind, c.tenantSlug(), c.agentId(),
        c.roles().stream().map(Enum::name).sorted().toList(),
        c.keyScope() == null ? null : c.keyScope().name());
  }
}
