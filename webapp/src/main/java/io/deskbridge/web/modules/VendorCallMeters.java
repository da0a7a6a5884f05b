package io.deskbridge.web.modules;

import io.deskbridge.core.ratelimit.VendorCallMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Publishes under /metrics how long this instance's paced vendor calls held their place before the
 * answer came, per module: a slow vendor (or a starved server) shows here before it shows as a backlog.
 */
@ApplicationScoped
public class VendorCallMeters implements VendorCallMetrics {

  private static final Metadata CALL_TIME = Metadata.builder().withName("deskbridge_vendor_call_time")
      .withDescription("Time from a paced vendor call's turn to its answer").withUnit(MetricUnits.SECONDS).build();

  @Inject MetricRegistry registry;

  @Override
  public void answered(String moduleId, Duration held) {
    registry.timer(CALL_TIME, new Tag("module", moduleId)).update(held);
  }
}
