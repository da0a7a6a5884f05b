package io.deskbridge.web.modules;

import io.deskbridge.core.outbox.ClaimedJob;
import io.deskbridge.core.outbox.OutboxDispatcher;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's outbox worker: every {@code deskbridge.outbox.poll} it claims as many due jobs as
 * it has free delivery places ({@code deskbridge.outbox.batch}) under a lease named after this
 * instance, and delivers them in parallel. It does not wait for a round to end before claiming
 * again: a job waiting for room at a slow vendor would hold every other module's jobs up. Instead
 * each (tenant, module) gets at most {@code deskbridge.outbox.per-module} places, so one slow vendor
 * cannot take them all. Several instances run one worker each against the same database; the claim
 * makes sure they never share a job.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class OutboxWorker {

  private static final Logger LOG = Logger.getLogger(OutboxWorker.class.getName());

  @Inject OutboxDispatcher dispatcher;

  @Resource ManagedScheduledExecutorService scheduler;

  @Resource ManagedExecutorService deliveries;

  @Inject
  @ConfigProperty(name = "deskbridge.outbox.poll", defaultValue = "PT0.2S")
  Duration poll;

  @Inject
  @ConfigProperty(name = "deskbridge.outbox.batch", defaultValue = "16")
  int batch;

  @Inject
  @ConfigProperty(name = "deskbridge.outbox.per-module", defaultValue = "6")
  int perModule;

  @Inject
  @ConfigProperty(name = "deskbridge.outbox.lease", defaultValue = "PT1M")
  Duration lease;

  private final String owner = "worker-" + UUID.randomUUID();
  /** Deliveries running now, by (tenant, module); guarded by this. */
  private final Map<String, Integer> running = new HashMap<>();
  private int runningTotal;
  private ScheduledFuture<?> loop;

  @PostConstruct
  void start() {
    loop = scheduler.scheduleWithFixedDelay(this::runOnce, 1000, poll.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Outbox worker " + owner + " started (places " + batch + ", per module " + perModule + ", lease " + lease + ")");
  }

  void runOnce() {
    try {
      int free;
      Map<String, Integer> busy;
      synchronized (this) {
        free = batch - runningTotal;
        busy = Map.copyOf(running);
      }
      if (free <= 0) {
        return;
      }
      for (ClaimedJob job : dispatcher.claim(owner, free, lease, perModule, busy)) {
        started(job);
        try {
          deliveries.execute(() -> {
            try {
              dispatcher.deliver(job, owner, lease);
            } finally {
              finished(job);
            }
          });
        } catch (RuntimeException e) {
          // Not started: its lease runs out and it is claimed again.
          finished(job);
          throw e;
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox worker claim failed; next in " + poll, e);
    }
  }

  private synchronized void started(ClaimedJob job) {
    running.merge(job.limiterKey(), 1, Integer::sum);
    runningTotal++;
  }

  private synchronized void finished(ClaimedJob job) {
    running.computeIfPresent(job.limiterKey(), (key, n) -> n > 1 ? n - 1 : null);
    runningTotal--;
  }

  @PreDestroy
  void stop() {
    if (loop != null) {
      loop.cancel(false);
    }
  }
}
