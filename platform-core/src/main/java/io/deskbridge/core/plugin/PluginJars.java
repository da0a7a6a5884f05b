package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.PluginApi;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the plugins directory: each jar must declare the SPI version it was built for; compatible
 * jars share one class loader whose parent is the application's (so they see the SPI), the others
 * are refused with a reason, before any of their classes is loaded.
 */
final class PluginJars {

  record Refusal(String jar, String reason) {}

  record Scan(ClassLoader loader, List<Path> accepted, List<Refusal> refused) {}

  private PluginJars() {}

  static Scan scan(Path directory, ClassLoader parent) {
    List<Path> accepted = new ArrayList<>();
    List<Refusal> refused = new ArrayList<>();
    if (directory == null || !Files.isDirectory(directory)) {
      return new Scan(parent, accepted, refused);
    }
    for (Path jar : jarsIn(directory)) {
      String problem = compatibilityProblem(jar);
      if (problem == null) {
        accepted.add(jar);
      } else {
        refused.add(new Refusal(jar.getFileName().toString(), problem));
      }
    }
    if (accepted.isEmpty()) {
      return new Scan(parent, accepted, refused);
    }
    return new Scan(new URLClassLoader("deskbridge-plugins", urls(accepted), parent), accepted, refused);
  }

  /** Null when the jar may be loaded, otherwise a sentence an integrator can act on. */
  static String compatibilityProblem(Path jar) {
    try (JarFile file = new JarFile(jar.toFile())) {
      Attributes attributes = file.getManifest() == null ? null : file.getManifest().getMainAttributes();
      String declared = attributes == null ? null : attributes.getValue(PluginApi.MANIFEST_ATTRIBUTE);
      if (declared == null) {
        return "its manifest does not declare " + PluginApi.MANIFEST_ATTRIBUTE + "; this Deskbridge provides"
            + " plugin API version " + PluginApi.VERSION;
      }
      if (!declared.trim().equals(Integer.toString(PluginApi.VERSION))) {
        return "it was built for plugin API version " + declared.trim() + ", but this Deskbridge provides"
            + " version " + PluginApi.VERSION;
      }
      return null;
    } catch (IOException e) {
      return "it cannot be read as a jar (" + e.getMessage() + ")";
    }
  }

  private static List<Path> jarsIn(Path directory) {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException("Cannot list the plugins directory " + directory, e);
    }
  }

  private static URL[] urls(List<Path> jars) {
    try {
      URL[] urls = new URL[jars.size()];
      for (int i = 0; i < jars.size(); i++) {
        urls[i] = jars.get(i).toUri().toURL();
      }
      return urls;
    } catch (MalformedURLException e) {
      throw new IllegalStateException(e);
    }
  }
}
