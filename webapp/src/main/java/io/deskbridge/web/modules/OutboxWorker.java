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
import java.util.UUID;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's outbox worker: keeps up to {@code deskbridge.outbox.batch} deliveries in flight,
 * and every {@code deskbridge.outbox.poll} claims as many due jobs as there are free places, under a
 * lease named after this instance. A place frees as soon as its delivery ends, so a job waiting for a
 * slow vendor's rate limit (Bitrix24: 2 requests a second) never holds up the jobs of other vendors
 * and tenants, as it did when each round waited for all of its jobs. Several instances run one
 * worker each against the same database; the claim makes sure they never share a job.
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
  @ConfigProperty(name = "deskbridge.outbox.lease", defaultValue = "PT1M")
  Duration lease;

  private final String owner = "worker-" + UUID.randomUUID();
  private final AtomicInteger inFlight = new AtomicInteger();
  private ScheduledFuture<?> loop;

  @PostConstruct
  void start() {
    loop = scheduler.scheduleWithFixedDelay(this::runOnce, 1000, poll.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Outbox worker " + owner + " started (batch " + batch + ", lease " + lease + ")");
  }

  void runOnce() {
    try {
      int free = batch - inFlight.get();
      if (free <= 0) {
        return;
      }
      for (ClaimedJob job : dispatcher.claim(owner, free, lease)) {
        inFlight.incrementAndGet();
        try {
          deliveries.execute(() -> {
            try {
              dispatcher.deliver(job, owner, lease);
            } finally {
              inFlight.decrementAndGet();
            }
          });
        } catch (RejectedExecutionException e) {
          inFlight.decrementAndGet(); // shutting down: the lease expires and the job is delivered again
          LOG.log(Level.WARNING, "Outbox job " + job.id() + " not started; its lease will expire", e);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Outbox worker round failed; next round in " + poll, e);
    }
  }

  @PreDestroy
  void stop() {
    if (loop != null) {
      loop.cancel(false);
    }
  }
}
