package io.deskbridge.core.plugin.spi;

/**
 * The version of this SPI. A plugin jar installed from the plugins directory declares the version
 * it was built for in its manifest ({@value #MANIFEST_ATTRIBUTE}: 1); Deskbridge refuses jars built
 * for another major version at boot, without loading any of their classes.
 */
public final class PluginApi {

  /** Raised when a change to this package would break plugins compiled against the previous one. */
  public static final int VERSION = 1;

  public static final String MANIFEST_ATTRIBUTE = "Deskbridge-Plugin-Api";

  private PluginApi() {}
}
