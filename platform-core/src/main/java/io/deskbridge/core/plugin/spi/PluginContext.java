package io.deskbridge.core.plugin.spi;

import java.time.Clock;

/**
 * What the platform gives one tenant's module instance. Everything here belongs to that tenant; a
 * module keeps no state of its own beyond it (no statics, no cross-tenant caches).
 *
 * @param publicUrl Deskbridge's public address, for links back to dialogs
 * @param directory read-only look-ups of the tenant's customers, categories and agents
 * @param replies public replies written in the vendor's own chat, brought back to the customer
 * @param jobs work the module queues for itself through the outbox
 * @param wake hands a conversation back to its agent when the vendor finished its part
 * @param pacers keep the module's vendor calls under the vendor's rate limit; see {@link #pacer} and
 *     {@link #bucket}
 */
public record PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
    Mappings mappings, ConversationNotes notes, Clock clock, SupportDirectory directory,
    CustomerReplies replies, ModuleJobs jobs, ConversationWake wake, RequestPacers pacers) {

  public PluginContext {
    pacers = pacers == null ? RequestPacers.inMemory() : pacers;
    wake = wake == null ? ConversationWake.NONE : wake;
    directory = directory == null ? SupportDirectory.EMPTY : directory;
    replies = replies == null ? CustomerReplies.NONE : replies;
    jobs = jobs == null ? ModuleJobs.NONE : jobs;
  }

  /** A context with pacers of this JVM only, as plugins built for the fourth SPI revision were tested with. */
  public PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
      Mappings mappings, ConversationNotes notes, Clock clock, SupportDirectory directory,
      CustomerReplies replies, ModuleJobs jobs, ConversationWake wake) {
    this(tenantId, tenantSlug, config, publicUrl, mappings, notes, clock, directory, replies, jobs, wake, null);
  }

  /** A context without waking, as plugins built for the third SPI revision were tested with. */
  public PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
      Mappings mappings, ConversationNotes notes, Clock clock, SupportDirectory directory,
      CustomerReplies replies, ModuleJobs jobs) {
    this(tenantId, tenantSlug, config, publicUrl, mappings, notes, clock, directory, replies, jobs, null, null);
  }

  /** A context without replies and jobs, as plugins built for the second SPI revision were tested with. */
  public PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
      Mappings mappings, ConversationNotes notes, Clock clock, SupportDirectory directory) {
    this(tenantId, tenantSlug, config, publicUrl, mappings, notes, clock, directory, null, null, null, null);
  }

  /** A context without look-ups, as plugins built for the first SPI revision were tested with. */
  public PluginContext(long tenantId, String tenantSlug, PluginConfig config, String publicUrl,
      Mappings mappings, ConversationNotes notes, Clock clock) {
    this(tenantId, tenantSlug, config, publicUrl, mappings, notes, clock, SupportDirectory.EMPTY, null, null, null, null);
  }

  /**
   * The pacer every call to a vendor waits on: at most {@code permits} calls in any
   * {@link RequestPacer#WINDOW} for this tenant's module under {@code name}, counted across every server
   * of the cluster (amoCRM: {@code pacer("api", 7)}; Slack: one per channel). Calls under one name
   * count together however often the module asks.
   */
  public RequestPacer pacer(String name, int permits) {
    return pacers.pacer(name, permits);
  }

  /**
   * The leaky bucket every call to a vendor that counts that way waits on: each call adds one,
   * {@code drainPerSecond} drain away each second, and calls wait rather than take it over
   * {@code capacity}, counted across every server of the cluster (Bitrix24: {@code bucket("portal", 46, 2)},
   * its 50 less some headroom). Calls under one name count together however often the module asks.
   */
  public RequestBucket bucket(String name, int capacity, double drainPerSecond) {
    return pacers.bucket(name, capacity, drainPerSecond);
  }

  /** The link an agent opens to see a conversation. */
  public String dialogLink(long conversationId) {
    return publicUrl + "/conversations/" + conversationId + "?tenant=" + tenantSlug;
  }
}
