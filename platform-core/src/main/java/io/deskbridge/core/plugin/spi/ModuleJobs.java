package io.deskbridge.core.plugin.spi;

import java.util.Map;

/**
 * Work a module queues for itself, typically from a webhook that must be answered at once (amoCRM's
 * chat webhook is sent once and never retried). The job goes through the outbox like any other:
 * ordered with the conversation's events, retried, dead-lettered, never lost. It reaches
 * {@link Plugin#deliver} as an {@link ActionRequest} with the given kind as its action id and no agent.
 */
public interface ModuleJobs {

  /** For contexts built without the platform. */
  ModuleJobs NONE = (conversationId, kind, input) -> {
    throw new IllegalStateException("this module instance cannot queue jobs");
  };

  void enqueue(long conversationId, String kind, Map<String, String> input);
}
