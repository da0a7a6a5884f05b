package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.ModuleJobs;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Jobs the module queued for itself, waiting to be delivered as the outbox would. */
public final class QueuedJobs implements ModuleJobs {

  public final List<ActionRequest> queued = new CopyOnWriteArrayList<>();

  @Override
  public void enqueue(long conversationId, String kind, Map<String, String> input) {
    queued.add(new ActionRequest(kind, conversationId, null, input));
  }
}
