package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.shared.NotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.logging.Logger;

/**
 * Every module this server can run: the ones built into the WAR and the ones installed as jars in
 * the plugins directory. Discovered once at boot. A jar that cannot be used is refused with a logged
 * reason and the rest of Deskbridge starts normally.
 */
public final class PluginCatalog {

  private static final Logger LOG = Logger.getLogger(PluginCatalog.class.getName());

  /** A plugin jar or factory that was not loaded, and why. */
  public record Refused(String source, String reason) {}

  private final Map<String, PluginFactory> factories;
  private final List<Refused> refused;

  PluginCatalog(Map<String, PluginFactory> factories, List<Refused> refused) {
    this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    this.refused = List.copyOf(refused);
  }

  /** Loads the built-in factories from {@code appLoader} and the installed ones from {@code pluginsDir}. */
  public static PluginCatalog discover(ClassLoader appLoader, Path pluginsDir) {
    Map<String, PluginFactory> found = new LinkedHashMap<>();
    List<Refused> refused = new ArrayList<>();
    load(ServiceLoader.load(PluginFactory.class, appLoader), "the application", found, refused);
    PluginJars.Scan scan = PluginJars.scan(pluginsDir, appLoader);
    scan.refused().forEach(r -> refused.add(new Refused(r.jar(), r.reason())));
    if (!scan.accepted().isEmpty()) {
      load(ServiceLoader.load(PluginFactory.class, scan.loader()), "the plugins directory", found, refused);
    }
    refused.forEach(r -> LOG.severe(() -> "Plugin refused: " + r.source() + ": " + r.reason()));
    found.values().forEach(f -> LOG.info(() -> "Module available: " + f.id() + " " + f.version()
        + " (" + f.getClass().getName() + ")"));
    return new PluginCatalog(found, refused);
  }

  private static void load(ServiceLoader<PluginFactory> loader, String source, Map<String, PluginFactory> found,
      List<Refused> refused) {
    var it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return;
        }
        PluginFactory factory = it.next();
        String id = idOf(factory, refused);
        if (id == null) {
          continue;
        }
        if (found.containsKey(id)) {
          // The same class reached through the parent loader is not a second module.
          if (found.get(id).getClass() != factory.getClass()) {
            refused.add(new Refused(factory.getClass().getName(),
                "module id '" + id + "' is already taken by " + found.get(id).getClass().getName()));
          }
          continue;
        }
        found.put(id, factory);
      } catch (ServiceConfigurationError | LinkageError e) {
        refused.add(new Refused(source, "a module could not be loaded: " + e.getMessage()));
      }
    }
  }

  /** The factory's id, or null (and a refusal) when a faulty plugin cannot even name itself. */
  private static String idOf(PluginFactory factory, List<Refused> refused) {
    try {
      String id = factory.id();
      factory.version();
      if (id == null || id.isBlank()) {
        refused.add(new Refused(factory.getClass().getName(), "its id() is empty"));
        return null;
      }
      return id;
    } catch (RuntimeException e) {
      refused.add(new Refused(factory.getClass().getName(), "its id() or version() failed: " + e));
      return null;
    }
  }

  public Collection<PluginFactory> factories() {
    return factories.values();
  }

  public Optional<PluginFactory> find(String id) {
    return Optional.ofNullable(factories.get(id));
  }

  public PluginFactory get(String id) {
    return find(id).orElseThrow(() -> new NotFoundException("Module", id));
  }

  public List<Refused> refused() {
    return refused;
  }
}
