package io.deskbridge.core.plugin;

/** Another class claiming the id of {@link InstalledModuleFactory}. */
public class ImpostorModuleFactory extends InstalledModuleFactory {}
