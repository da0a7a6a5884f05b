package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * Jobs a module queues for itself (see {@link io.deskbridge.core.plugin.spi.ModuleJobs}), durable when
 * the call returns: a webhook handler may acknowledge the vendor right after.
 */
@ApplicationScoped
@Transactional
public class ModuleJobQueue {

  private final Outbox outbox;
  private final PluginCatalog catalog;

  @Inject
  public ModuleJobQueue(Outbox outbox, PluginCatalog catalog) {
    this.outbox = outbox;
    this.catalog = catalog;
  }

  protected ModuleJobQueue() {
    this(null, null);
  }

  public void enqueue(TenantId tenant, String moduleId, long conversationId, String kind, Map<String, String> input) {
    outbox.enqueueAction(tenant, catalog.get(moduleId), new ActionRequest(kind, conversationId, null, input));
  }
}
