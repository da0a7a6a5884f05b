package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import java.util.List;

/**
 * A module as a plugin jar would bring it. Only its services file goes into the test jars; the class
 * itself is resolved through the jar loader's parent (the test class path), so whether it is found
 * depends solely on which jars the catalogue accepted.
 */
public class InstalledModuleFactory implements PluginFactory {

  public static final String ID = "installed";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Installed module";
  }

  @Override
  public String description() {
    return "Comes from a jar in the plugins directory.";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of();
  }

  @Override
  public Plugin create(PluginContext context) {
    throw new UnsupportedOperationException("The catalogue never creates instances");
  }
}
