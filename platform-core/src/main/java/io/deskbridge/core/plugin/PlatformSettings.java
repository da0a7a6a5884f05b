package io.deskbridge.core.plugin;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the server tells the module platform: its public address (for links), the key that seals
 * module secrets, where installed plugin jars live, and the first step of the outbox's retry
 * backoff. Produced by the application from its configuration.
 */
public record PlatformSettings(String publicUrl, byte[] secretKey, Path pluginsDir, Duration retryBase) {

  @Override
  public String toString() {
    return "PlatformSettings[publicUrl=" + publicUrl + ", pluginsDir=" + pluginsDir + "]";
  }
}
