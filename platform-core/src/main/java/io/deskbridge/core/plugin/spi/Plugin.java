package io.deskbridge.core.plugin.spi;

import io.deskbridge.core.event.DomainEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * One tenant's instance of a module, created by its {@link PluginFactory} from that tenant's
 * configuration and closed when the configuration changes or the module is disabled.
 *
 * <p>The platform calls {@link #wants} inside the agent's transaction to decide whether to queue an
 * event for this module: it must be quick, pure and never call the vendor. {@link #deliver} runs
 * later on an outbox worker, outside any transaction, at most one job per ordering key at a time,
 * and possibly more than once for the same job.
 */
public interface Plugin extends AutoCloseable {

  /** Whether this instance cares about the event, judged from its configuration alone. */
  boolean wants(DomainEvent event);

  /** Performs the side effect of one job (an event or an agent action). */
  DeliveryResult deliver(Delivery delivery);

  /**
   * Consecutive jobs of one ordering key, oldest first, at most the factory's {@link
   * PluginFactory#batchSize}. Answers one result per job, in order; it may answer fewer, and the jobs
   * left without a result go back to the queue untouched, to come again after the ones before them.
   * The default delivers them one by one and stops at the first that is not done.
   */
  default List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
    List<DeliveryResult> results = new ArrayList<>();
    for (Delivery delivery : deliveries) {
      DeliveryResult result = deliver(delivery);
      results.add(result);
      if (result == null || result.outcome() != DeliveryResult.Outcome.DONE) {
        break;
      }
    }
    return results;
  }

  /** "Test connection": one cheap authenticated call to the vendor. */
  default ConnectionCheck testConnection() {
    return ConnectionCheck.ok("This module has nothing to connect to.");
  }

  /** Buttons on a conversation; pressing one queues an outbox job with an {@link ActionRequest}. */
  default List<AgentAction> actions() {
    return List.of();
  }

  /** A vendor's call to this module's webhook; verify it before trusting anything in it. */
  default WebhookResponse handleWebhook(WebhookRequest request) {
    return WebhookResponse.notFound();
  }

  /** Lines for the customer card, from what the module already knows (no vendor call here). */
  default List<CardEntry> customerCard(long customerId) {
    return List.of();
  }

  /**
   * What the conversation is linked to at this module's vendor (a Jira issue), from what the module
   * already knows (no vendor call here): shown with the conversation.
   */
  default List<ExternalLink> conversationLinks(long conversationId) {
    return List.of();
  }

  /**
   * A tick, about once a minute on every server, for modules that must look at their vendor on
   * their own (a Jira that cannot send webhooks). The module decides whether its interval has
   * passed and keeps the servers of a cluster from all polling at once (a {@link Lease}); it must
   * return quickly when there is nothing to do.
   */
  default void poll() {}

  @Override
  default void close() {}
}
