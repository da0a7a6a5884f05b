package io.deskbridge.core.plugin.spi;

import java.util.List;

/**
 * Describes a module and makes per-tenant instances of it. Discovered once per server with {@link
 * java.util.ServiceLoader} (list the class in {@code META-INF/services/io.deskbridge.core.plugin.spi.PluginFactory}),
 * both from the WAR and from jars in the plugins directory.
 *
 * <p>Lifecycle: the factory lives as long as the server; {@link #create} is called when a tenant
 * enables the module or changes its configuration (the previous instance is closed first).
 */
public interface PluginFactory {

  /** Stable id, stored with every tenant's settings and used in URLs ("webhook", "jira"). */
  String id();

  String displayName();

  String description();

  /** The module's own version, shown in the catalogue. */
  String version();

  /** The configuration fields; validated by the platform before {@link #create} ever sees them. */
  List<ConfigProperty> configSpec();

  /** Checks across fields that the typed spec cannot express; each problem names its field. */
  default List<io.deskbridge.core.shared.FieldError> validate(PluginConfig config) {
    return List.of();
  }

  /** The vendor's limit for one tenant; the outbox paces deliveries to stay under it. */
  default RateLimit rateLimit() {
    return RateLimit.unlimited();
  }

  /**
   * How many queued jobs of one ordering key (one conversation) the module takes in one go through
   * {@link Plugin#deliverAll}; above 1 a burst of messages can become one vendor request.
   */
  default int batchSize() {
    return 1;
  }

  /** How many attempts a job gets before it is dead-lettered. */
  default int maxAttempts() {
    return 8;
  }

  Plugin create(PluginContext context);
}
