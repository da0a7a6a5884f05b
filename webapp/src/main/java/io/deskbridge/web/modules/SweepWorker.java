package io.deskbridge.web.modules;

import io.deskbridge.core.sweep.Sweep;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This instance's workflow sweeper: every {@code deskbridge.sweep.poll} it runs rounds of the
 * {@link Sweep} until fewer than a batch are due. Every instance of a cluster runs one; each
 * publishes its share of the work through {@link SweepMeters}.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class SweepWorker {

  private static final Logger LOG = Logger.getLogger(SweepWorker.class.getName());

  @Inject Sweep sweep;

  @Inject SweepMeters meters;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "deskbridge.sweep.poll", defaultValue = "PT1S")
  Duration poll;

  @Inject
  @ConfigProperty(name = "deskbridge.sweep.batch", defaultValue = "500")
  int batch;

  private ScheduledFuture<?> loop;

  @PostConstruct
  void start() {
    loop = scheduler.scheduleWithFixedDelay(this::runOnce, 1000, poll.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(() -> "Workflow sweeper started (every " + poll + ", batch " + batch + ")");
  }

  void runOnce() {
    try {
      Sweep.SweepRound round;
      do {
        long started = System.nanoTime();
        round = sweep.run(batch);
        meters.round(round, Duration.ofNanos(System.nanoTime() - started));
      } while (round.due() == batch && round.checked() > 0);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Sweep round failed; next round in " + poll, e);
    }
  }

  @PreDestroy
  void stop() {
    if (loop != null) {
      loop.cancel(false);
    }
  }
}
