package io.deskbridge.core.plugin.spi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request a vendor sent to {@code /hooks/{tenant}/{module}/{path}}. Nothing in it is trusted
 * until the module verified it (signature, token).
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, String query,
    byte[] body) {

  /** Header lookup ignoring case, as HTTP requires. */
  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
        .map(e -> e.getValue().get(0))
        .findFirst();
  }
}
