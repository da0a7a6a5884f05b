package io.deskbridge.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.PluginApi;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.shared.NotFoundException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Modules installed as jars in the plugins directory: a jar built for this plugin API is loaded, any
 * other is refused with a reason before its services file is read, and a bad jar never stops the rest.
 */
class PluginCatalogTest {

  private static final String SERVICES = "META-INF/services/" + PluginFactory.class.getName();
  private static final ClassLoader APP = PluginCatalogTest.class.getClassLoader();

  @TempDir Path plugins;

  /** The WAR's classes, for modules built into the application. */
  @TempDir Path warClasses;

  /** A jar whose manifest declares {@code apiVersion} (none when null) and whose services file names the factories. */
  private Path jar(String name, String apiVersion, String... factoryClasses) throws IOException {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (apiVersion != null) {
      manifest.getMainAttributes().putValue(PluginApi.MANIFEST_ATTRIBUTE, apiVersion);
    }
    Path jar = plugins.resolve(name);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
      writeServices(out, factoryClasses);
    }
    return jar;
  }

  private static void writeServices(JarOutputStream out, String... factoryClasses) throws IOException {
    out.putNextEntry(new JarEntry(SERVICES));
    out.write(servicesFile(factoryClasses));
    out.closeEntry();
  }

  private static byte[] servicesFile(String... factoryClasses) {
    return Arrays.stream(factoryClasses).collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
  }

  private static List<String> ids(PluginCatalog catalog) {
    return catalog.factories().stream().map(PluginFactory::id).toList();
  }

  private static PluginCatalog.Refused onlyRefusal(PluginCatalog catalog) {
    assertEquals(1, catalog.refused().size(), catalog.refused()::toString);
    return catalog.refused().get(0);
  }

  @Test
  void aJarBuiltForThisPluginApiIsLoaded() throws IOException {
    jar("installed.jar", Integer.toString(PluginApi.VERSION), InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertEquals(List.of(InstalledModuleFactory.ID), ids(catalog));
    assertInstanceOf(InstalledModuleFactory.class, catalog.get(InstalledModuleFactory.ID));
    assertEquals(List.of(), catalog.refused());
  }

  @Test
  void withoutThePluginsDirectoryOnlyBuiltInModulesAreListed() throws IOException {
    jar("installed.jar", Integer.toString(PluginApi.VERSION), InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, null);

    assertEquals(List.of(), ids(catalog));
  }

  @Test
  void aJarBuiltForAnotherPluginApiIsRefusedWithBothVersions() throws IOException {
    jar("future.jar", "99", IncompatibleModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    PluginCatalog.Refused refused = onlyRefusal(catalog);
    assertEquals("future.jar", refused.source());
    assertTrue(refused.reason().contains("99"), refused.reason());
    assertTrue(refused.reason().contains("version " + PluginApi.VERSION), refused.reason());
    assertEquals(List.of(), ids(catalog));
  }

  @Test
  void theServicesFileOfARefusedJarIsNotRead() throws IOException {
    jar("a-future.jar", "99", IncompatibleModuleFactory.class.getName());
    jar("b-installed.jar", Integer.toString(PluginApi.VERSION), InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertEquals(List.of(InstalledModuleFactory.ID), ids(catalog));
    assertEquals(Optional.empty(), catalog.find(IncompatibleModuleFactory.ID));
    assertEquals("a-future.jar", onlyRefusal(catalog).source());
  }

  @Test
  void aJarThatDoesNotDeclareThePluginApiIsRefused() throws IOException {
    jar("undeclared.jar", null, InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    PluginCatalog.Refused refused = onlyRefusal(catalog);
    assertEquals("undeclared.jar", refused.source());
    assertTrue(refused.reason().contains(PluginApi.MANIFEST_ATTRIBUTE), refused.reason());
    assertEquals(List.of(), ids(catalog));
  }

  @Test
  void aJarWithoutAManifestIsRefused() throws IOException {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(plugins.resolve("bare.jar")))) {
      writeServices(out, InstalledModuleFactory.class.getName());
    }

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertTrue(onlyRefusal(catalog).reason().contains(PluginApi.MANIFEST_ATTRIBUTE), catalog.refused()::toString);
    assertEquals(List.of(), ids(catalog));
  }

  @Test
  void aFileThatIsNotAJarIsRefused() throws IOException {
    Files.writeString(plugins.resolve("x.jar"), "this is not a zip file");

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    PluginCatalog.Refused refused = onlyRefusal(catalog);
    assertEquals("x.jar", refused.source());
    assertTrue(refused.reason().contains("cannot be read as a jar"), refused.reason());
  }

  @Test
  void filesThatAreNotNamedJarAreIgnored() throws IOException {
    Files.writeString(plugins.resolve("README.txt"), "drop plugin jars here");
    jar("installed.jar.disabled", "99", IncompatibleModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertEquals(List.of(), catalog.refused());
    assertEquals(List.of(), ids(catalog));
  }

  @Test
  void aMissingPluginsDirectoryGivesAnEmptyCatalogue() {
    PluginCatalog catalog = PluginCatalog.discover(APP, plugins.resolve("does-not-exist"));

    assertEquals(List.of(), ids(catalog));
    assertEquals(List.of(), catalog.refused());
  }

  @Test
  void aFactoryThatCannotBeLoadedIsRefusedAndTheOthersStillLoad() throws IOException {
    jar("mixed.jar", Integer.toString(PluginApi.VERSION), "io.deskbridge.nowhere.MissingFactory",
        InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertEquals(List.of(InstalledModuleFactory.ID), ids(catalog));
    assertTrue(onlyRefusal(catalog).reason().startsWith("a module could not be loaded"), catalog.refused()::toString);
  }

  @Test
  void aFactoryWhoseIdFailsIsRefusedAndTheOthersStillLoad() throws IOException {
    jar("a-broken.jar", Integer.toString(PluginApi.VERSION), BrokenIdModuleFactory.class.getName());
    jar("b-installed.jar", Integer.toString(PluginApi.VERSION), InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertEquals(List.of(InstalledModuleFactory.ID), ids(catalog));
    assertEquals(BrokenIdModuleFactory.class.getName(), onlyRefusal(catalog).source());
  }

  @Test
  void aBuiltInModuleInstalledAgainAsAJarIsListedOnce() throws IOException {
    ClassLoader war = warNaming(InstalledModuleFactory.class.getName());
    jar("installed.jar", Integer.toString(PluginApi.VERSION), InstalledModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(war, plugins);

    assertEquals(List.of(InstalledModuleFactory.ID), ids(catalog));
    assertEquals(List.of(), catalog.refused());
  }

  @Test
  void anInstalledJarCannotTakeTheIdOfABuiltInModule() throws IOException {
    ClassLoader war = warNaming(InstalledModuleFactory.class.getName());
    jar("impostor.jar", Integer.toString(PluginApi.VERSION), ImpostorModuleFactory.class.getName());

    PluginCatalog catalog = PluginCatalog.discover(war, plugins);

    assertEquals(InstalledModuleFactory.class, catalog.get(InstalledModuleFactory.ID).getClass());
    PluginCatalog.Refused refused = onlyRefusal(catalog);
    assertEquals(ImpostorModuleFactory.class.getName(), refused.source());
    assertTrue(refused.reason().contains("'" + InstalledModuleFactory.ID + "' is already taken"), refused.reason());
  }

  @Test
  void anUnknownModuleIsNotFound() {
    PluginCatalog catalog = PluginCatalog.discover(APP, plugins);

    assertThrows(NotFoundException.class, () -> catalog.get("nope"));
    assertEquals(Optional.empty(), catalog.find("nope"));
  }

  /** The application's class loader as the WAR would be: its own services file names the factories. */
  private ClassLoader warNaming(String... factoryClasses) throws IOException {
    Path services = Files.createDirectories(warClasses.resolve("META-INF/services"))
        .resolve(PluginFactory.class.getName());
    try (OutputStream out = Files.newOutputStream(services)) {
      out.write(servicesFile(factoryClasses));
    }
    return new URLClassLoader(new URL[] {warClasses.toUri().toURL()}, APP);
  }
}
