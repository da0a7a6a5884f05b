package io.deskbridge.core.plugin;

/** A faulty third-party factory: it is created fine, but asking its id fails. */
public class BrokenIdModuleFactory extends InstalledModuleFactory {

  @Override
  public String id() {
    throw new IllegalStateException("configuration file missing");
  }
}
