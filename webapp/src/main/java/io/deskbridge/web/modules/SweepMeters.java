package io.deskbridge.web.modules;

import io.deskbridge.core.sweep.Sweep.SweepRound;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;

/**
 * Publishes this instance's share of the workflow sweep under /metrics: conversations checked here,
 * due ones found already moved on when locked (another instance did them, or an agent's change moved
 * them), failed checks, and how long the rounds that found work took. Idle rounds are not timed: five
 * of them a second would bury the ones that matter.
 */
@ApplicationScoped
public class SweepMeters {

  @Inject MetricRegistry registry;

  private Counter checked;
  private Counter skipped;
  private Counter failed;
  private Timer rounds;

  /** Registered at boot so a scrape shows zeros rather than nothing before the first due conversation. */
  @PostConstruct
  void register() {
    checked = registry.counter(Metadata.builder().withName("deskbridge_sweep_checked")
        .withDescription("Due conversations this instance checked").build());
    skipped = registry.counter(Metadata.builder().withName("deskbridge_sweep_skipped")
        .withDescription("Due conversations found no longer due once locked").build());
    failed = registry.counter(Metadata.builder().withName("deskbridge_sweep_failed")
        .withDescription("Conversation checks that failed and were postponed").build());
    rounds = registry.timer(Metadata.builder().withName("deskbridge_sweep_round_time")
        .withDescription("Duration of sweep rounds that found conversations due").withUnit(MetricUnits.NANOSECONDS)
        .build());
  }

  void round(SweepRound round, Duration took) {
    if (round.due() == 0) {
      return;
    }
    checked.inc(round.checked());
    skipped.inc(round.due() - round.checked() - round.failed());
    failed.inc(round.failed());
    rounds.update(took);
  }
}
