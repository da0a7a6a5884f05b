package io.deskbridge.web.modules;

import io.deskbridge.core.plugin.ModuleCapabilities;
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
 * Gives enabled modules their polling tick every {@code deskbridge.modules.poll} (a Jira without
 * webhooks looks for updated issues). Every instance of a cluster ticks; modules take turns through
 * their own lease, so one tenant's vendor is polled once per its interval.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class ModulePollWorker {

  private static final Logger LOG = Logger.getLogger(ModulePollWorker.class.getName());

  @Inject ModuleCapabilities capabilities;

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "deskbridge.modules.poll", defaultValue = "PT1M")
  Duration poll;

  private ScheduledFuture<?> loop;

  @PostConstruct
  void start() {
    loop = scheduler.scheduleWithFixedDelay(this::runOnce, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  void runOnce() {
    try {
      capabilities.pollable().forEach(capabilities::poll);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Module polling failed; next tick in " + poll, e);
    }
  }

  @PreDestroy
  void stop() {
    if (loop != null) {
      loop.cancel(false);
    }
  }
}
