package io.deskbridge.core.outbox;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.ModuleRepository;
import io.deskbridge.core.plugin.ModuleRuntime;
import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.TenantModule;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where the domain records what modules owe: called inside the transaction of the change, it writes
 * one job per enabled module that wants the event. A module whose {@code wants} throws still gets
 * the job (its delivery will show the problem): a plugin bug never blocks an agent, and nothing is
 * silently dropped.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox {

  private static final Logger LOG = Logger.getLogger(Outbox.class.getName());

  private final ModuleRepository modules;
  private final ModuleRuntime runtime;
  private final PluginCatalog catalog;
  private final OutboxRepository jobs;
  private final Clock clock;

  @Inject
  public Outbox(ModuleRepository modules, ModuleRuntime runtime, PluginCatalog catalog, OutboxRepository jobs,
      Clock clock) {
    this.modules = modules;
    this.runtime = runtime;
    this.catalog = catalog;
    this.jobs = jobs;
    this.clock = clock;
  }

  protected Outbox() {
    this(null, null, null, null, null);
  }

  public void publish(DomainEvent event) {
    publish(event, modules.enabled(new TenantId(event.tenantId())));
  }

  /** {@link #publish} of each event in order, reading each tenant's enabled modules once. */
  public void publishAll(List<? extends DomainEvent> events) {
    Map<Long, List<TenantModule>> enabled = new HashMap<>();
    for (DomainEvent event : events) {
      publish(event, enabled.computeIfAbsent(event.tenantId(), tenant -> modules.enabled(new TenantId(tenant))));
    }
  }

  private void publish(DomainEvent event, List<TenantModule> enabled) {
    TenantId tenant = new TenantId(event.tenantId());
    for (TenantModule settings : enabled) {
      Optional<PluginFactory> factory = catalog.find(settings.moduleId());
      if (factory.isEmpty()) {
        LOG.warning(() -> "Tenant " + tenant + " has module '" + settings.moduleId()
            + "' enabled, but it is not installed on this server");
        continue;
      }
      if (wants(settings, event)) {
        jobs.add(new OutboxJob(tenant, settings.moduleId(), OutboxJob.KIND_EVENT, event.type(),
            event.type() + ":" + UUID.randomUUID(), event.orderingKey(), EventCodec.encode(event),
            factory.get().maxAttempts(), clock.instant()));
      }
    }
  }

  /** Queues an agent's action for an enabled module; ordered with the conversation's events. */
  public OutboxJob enqueueAction(TenantId tenant, PluginFactory factory, ActionRequest action) {
    OutboxJob job = new OutboxJob(tenant, factory.id(), OutboxJob.KIND_ACTION, action.actionId(),
        "action:" + action.actionId() + ":" + UUID.randomUUID(), "conversation:" + action.conversationId(),
        ActionCodec.encode(action), factory.maxAttempts(), clock.instant());
    jobs.add(job);
    return job;
  }

  private boolean wants(TenantModule settings, DomainEvent event) {
    try {
      return runtime.instance(settings).wants(event);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Module '" + settings.moduleId() + "' failed to judge " + event.type()
          + "; queuing it anyway", e);
      return true;
    }
  }
}
