package io.deskbridge.core.plugin;

/** Named by the services file of a jar built for another plugin API: it must never be loaded. */
public class IncompatibleModuleFactory extends InstalledModuleFactory {

  public static final String ID = "incompatible";

  @Override
  public String id() {
    return ID;
  }
}
