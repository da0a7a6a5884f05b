package io.deskbridge.web.api.apikey;

import io.deskbridge.core.access.ApiKey;
import io.deskbridge.web.api.Timestamps;

/** An API key as listed; {@code key} is present only in the answer that created it. */
public record ApiKeyView(
    long id, String name, String scope, String hint, String key, Long createdBy, String createdAt,
    String revokedAt) {

  static ApiKeyView of(ApiKey k, String key) {
    return new ApiKeyView(k.id(), k.name(), k.scope().name(), k.hint(), key, k.createdBy(),
        Timestamps.iso(k.createdAt()), Timestamps.iso(k.revokedAt()));
  }
}
