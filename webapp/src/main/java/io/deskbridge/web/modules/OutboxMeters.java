package io.deskbridge.web.modules;

import io.deskbridge.core.outbox.JobState;
import io.deskbridge.core.outbox.OutboxMetrics;
import io.deskbridge.core.outbox.OutboxStore;
import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.spi.PluginFactory;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes the outbox's work per module under /metrics: deliveries, retries, dead letters,
 * rate-limit waits, delivery latency, and the number of jobs in each state (read from the database
 * at scrape time, so it is the cluster's total).
 */
@ApplicationScoped
public class OutboxMeters implements OutboxMetrics {

  @Inject MetricRegistry registry;
  @Inject PluginCatalog catalog;
  @Inject OutboxStore store;

  @PostConstruct
  void registerGauges() {
    for (PluginFactory factory : catalog.factories()) {
      for (JobState state : JobState.values()) {
        registry.gauge(Metadata.builder().withName("deskbridge_outbox_jobs")
                .withDescription("Outbox jobs by module and state").build(),
            () -> count(factory.id(), state), new Tag("module", factory.id()), new Tag("state", state.name()));
      }
    }
  }

  private long count(String module, JobState state) {
    Map<JobState, Long> counts = store.countsByModule().getOrDefault(module, Map.of());
    return counts.getOrDefault(state, 0L);
  }

  @Override
  public void delivered(String moduleId, Duration latency) {
    registry.counter("deskbridge_outbox_delivered", tag(moduleId)).inc();
    registry.timer(Metadata.builder().withName("deskbridge_outbox_delivery_time").withUnit(MetricUnits.SECONDS)
        .build(), tag(moduleId)).update(latency);
  }

  @Override
  public void retried(String moduleId) {
    registry.counter("deskbridge_outbox_retried", tag(moduleId)).inc();
  }

  @Override
  public void dead(String moduleId) {
    registry.counter("deskbridge_outbox_dead", tag(moduleId)).inc();
  }

  @Override
  public void rateLimited(String moduleId) {
    registry.counter("deskbridge_outbox_rate_limit_waits", tag(moduleId)).inc();
  }

  private static Tag tag(String moduleId) {
    return new Tag("module", moduleId);
  }
}
