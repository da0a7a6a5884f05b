package io.deskbridge.web.modules;

import io.deskbridge.core.plugin.PlatformSettings;
import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.SecretBox;
import io.deskbridge.web.bootstrap.DeskbridgeSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Wires the module platform to this server: where plugin jars are installed, the key that seals
 * module secrets (DESKBRIDGE_SECRET_KEY, or a key file made at first boot in the data directory), and
 * the catalogue of modules, discovered once.
 */
@ApplicationScoped
public class ModulePlatform {

  private static final Logger LOG = Logger.getLogger(ModulePlatform.class.getName());

  @Inject DeskbridgeSettings settings;

  @Inject
  @ConfigProperty(name = "deskbridge.data.dir", defaultValue = "./data")
  String dataDir;

  @Inject
  @ConfigProperty(name = "deskbridge.plugins.dir")
  Optional<String> pluginsDir;

  @Inject
  @ConfigProperty(name = "deskbridge.secret.key")
  Optional<String> secretKey;

  @Inject
  @ConfigProperty(name = "deskbridge.outbox.retry-base", defaultValue = "PT1S")
  Duration retryBase;

  @Produces
  @Singleton
  PlatformSettings platformSettings() {
    Path plugins = pluginsDir.filter(p -> !p.isBlank()).map(Path::of)
        .orElse(Path.of(dataDir).resolve("plugins")).toAbsolutePath().normalize();
    return new PlatformSettings(settings.publicUrl(), key(), plugins, retryBase);
  }

  @Produces
  @Singleton
  PluginCatalog catalog(PlatformSettings platform) {
    LOG.info(() -> "Plugins directory: " + platform.pluginsDir());
    return PluginCatalog.discover(getClass().getClassLoader(), platform.pluginsDir());
  }

  private byte[] key() {
    if (secretKey.filter(k -> !k.isBlank()).isPresent()) {
      try {
        return Base64.getDecoder().decode(secretKey.get().trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalStateException("DESKBRIDGE_SECRET_KEY must be 32 bytes in Base64 (openssl rand -base64 32)");
      }
    }
    Path file = Path.of(dataDir).resolve("secret.key");
    try {
      if (Files.exists(file)) {
        return Base64.getDecoder().decode(Files.readString(file).trim());
      }
      Files.createDirectories(file.getParent());
      Files.writeString(file, Base64.getEncoder().encodeToString(SecretBox.newKey()));
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system; the data directory's own permissions apply
      }
      LOG.info(() -> "Created the module secret key " + file.toAbsolutePath()
          + " (back it up; a cluster shares one key through DESKBRIDGE_SECRET_KEY)");
      return Base64.getDecoder().decode(Files.readString(file).trim());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the secret key file " + file, e);
    }
  }
}
