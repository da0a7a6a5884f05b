package io.deskbridge.core.plugin.spi;

import java.time.Clock;

/**
 * What the platform gives one tenant's module instance. Everything here belongs to that tenant; a
 * module keeps no state of its own beyond it (no statics, no cross-tenant caches).
 *
 * @param publicUrl Deskbridge's public address, for links back to dialogs
 * @param directory read-only look-ups of the tenant's customers, categories and agents
 */
public record PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
    Mappings mappings, ConversationNotes notes, Clock clock, SupportDirectory directory) {

  public PluginContext {
    directory = directory == null ? SupportDirectory.EMPTY : directory;
  }

  /** A context without look-ups, as plugins built for the first SPI revision were tested with. */
  public PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
      Mappings mappings, ConversationNotes notes, Clock clock) {
    this(tenantId, tenantSlug, config, publicUrl, mappings, notes, clock, SupportDirectory.EMPTY);
  }

  /** The link an agent opens to see a conversation. */
  public String dialogLink(long conversationId) {
    return publicUrl + "/conversations/" + conversationId + "?tenant=" + tenantSlug;
  }
}
