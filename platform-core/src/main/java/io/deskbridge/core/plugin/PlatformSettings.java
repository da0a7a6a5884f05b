package io.deskbridge.core.plugin;

import java.nio.file.Path;

/**
 * What the server tells the module platform: its public address (for links), the key that seals
 * module secrets, and where installed plugin jars live. Produced by the application from its
 * configuration.
 */
public record PlatformSettings(String publicUrl, byte[] secretKey, Path pluginsDir) {

  @Override
  public String toString() {
    return "PlatformSettings[publicUrl=" + publicUrl + ", pluginsDir=" + pluginsDir + "]";
  }
}
