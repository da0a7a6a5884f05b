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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's outbox worker: every {@code deskbridge.outbox.poll} it claims a batch of due jobs
 * under a lease named after this instance and delivers them in parallel. Several instances run one
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
  private ScheduledFuture<?> loop;

  @PostConstruct
  void start() {
    loop = scheduler.scheduleWithFixedDelay(this::runOnce, 1000, poll.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Outbox worker " + owner + " started (batch " + batch + ", lease " + lease + ")");
  }

  void runOnce() {
    try {
      List<ClaimedJob> jobs = dispatcher.claim(owner, batch, lease);
      if (jobs.isEmpty()) {
        return;
      }
      List<Callable<Void>> tasks = new ArrayList<>();
      for (ClaimedJob job : jobs) {
        tasks.add(() -> {
          dispatcher.deliver(job, owner, lease);
          return null;
        });
      }
      deliveries.invokeAll(tasks);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
