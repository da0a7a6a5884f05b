package io.deskbridge.core.plugin.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version a module's build stamped into {@code module.properties} beside its factory class, so
 * the catalogue shows what is really deployed rather than a number typed into the source.
 */
public final class ModuleVersion {

  private ModuleVersion() {}

  /** @return the {@code version} property of {@code module.properties} in the factory's package */
  public static String of(Class<? extends PluginFactory> factory) {
    try (InputStream in = factory.getResourceAsStream("module.properties")) {
      if (in == null) {
        throw new IllegalStateException(factory.getName() + " has no module.properties beside it");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
