package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.ModuleRepository;
import io.deskbridge.core.plugin.PlatformSettings;
import io.deskbridge.core.plugin.PluginCatalog;
import io.deskbridge.core.plugin.ModuleRuntime;
import io.deskbridge.core.plugin.TenantModule;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginFactory;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs jobs: claims due ones under a lease, paces them by the module's rate limit and circuit
 * breaker, hands each to its tenant's plugin outside any transaction, and records the outcome. A
 * worker that dies mid-delivery loses its lease and the job is delivered again by someone else, so
 * delivery is at least once; modules make the repeat harmless with the idempotency key and mappings.
 */
@ApplicationScoped
public class OutboxDispatcher {

  private static final Logger LOG = Logger.getLogger(OutboxDispatcher.class.getName());

  private final OutboxStore store;
  private final ModuleRepository modules;
  private final ModuleRuntime runtime;
  private final PluginCatalog catalog;
  private final OutboxMetrics metrics;
  private final Clock clock;
  private final RateLimiter limiter = new RateLimiter();
  private final CircuitBreaker breaker;

  @Inject
  public OutboxDispatcher(OutboxStore store, ModuleRepository modules, ModuleRuntime runtime,
      PluginCatalog catalog, OutboxMetrics metrics, PlatformSettings settings, Clock clock) {
    this.store = store;
    this.modules = modules;
    this.runtime = runtime;
    this.catalog = catalog;
    this.metrics = metrics;
    this.clock = clock;
    // The breaker's pause scales with the backoff: thirty first steps (30 s by default).
    this.breaker = settings == null ? null : new CircuitBreaker(settings.retryBase().multipliedBy(30));
  }

  protected OutboxDispatcher() {
    this(null, null, null, null, null, null, null);
  }

  public List<ClaimedJob> claim(String owner, int max, Duration lease) {
    return store.claim(owner, max, lease);
  }

  /** See {@link OutboxStore#claim(String, int, Duration, int, Map)}. */
  public List<ClaimedJob> claim(String owner, int max, Duration lease, int perModule, Map<String, Integer> busy) {
    return store.claim(owner, max, lease, perModule, busy);
  }

  /**
   * Delivers one claimed job (with the jobs queued behind it, for a module that batches, leased for
   * {@code lease} like the job) and records what happened; never throws.
   */
  public void deliver(ClaimedJob job, String owner, Duration lease) {
    try {
      attempt(job, owner, lease);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Outbox job " + job.id() + " could not be recorded; its lease will expire", e);
    }
  }

  private void attempt(ClaimedJob job, String owner, Duration lease) {
    Instant now = clock.instant();
    Optional<PluginFactory> factory = catalog.find(job.moduleId());
    Optional<TenantModule> settings = modules.find(new TenantId(job.tenantId()), job.moduleId())
        .filter(TenantModule::isEnabled);
    if (factory.isEmpty() || settings.isEmpty()) {
      store.pause(job.id(), owner);
      return;
    }
    Instant open = breaker.openUntil(job.limiterKey(), now);
    if (open != null) {
      store.defer(job.id(), owner, open);
      return;
    }
    Duration wait = limiter.acquire(job.limiterKey(), factory.get().rateLimit(), System.nanoTime());
    if (!wait.isZero()) {
      metrics.rateLimited(job.moduleId());
      store.defer(job.id(), owner, now.plus(wait));
      return;
    }
    List<ClaimedJob> batch = new ArrayList<>(List.of(job));
    if (factory.get().batchSize() > 1) {
      batch.addAll(store.claimFollowers(job, owner, factory.get().batchSize() - 1, lease));
    }
    long started = System.nanoTime();
    List<DeliveryResult> results = run(runtime.instance(settings.get()), batch);
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    for (int i = 0; i < batch.size(); i++) {
      if (i < results.size()) {
        record(batch.get(i), owner, results.get(i), factory.get().maxAttempts(), took);
      } else {
        store.defer(batch.get(i).id(), owner, now);
      }
    }
  }

  /** One result per job the module answered for; a module that throws gets its first job retried. */
  private static List<DeliveryResult> run(Plugin plugin, List<ClaimedJob> jobs) {
    try {
      List<Delivery> deliveries = jobs.stream().map(OutboxDispatcher::delivery).toList();
      List<DeliveryResult> results = jobs.size() == 1 ? Arrays.asList(plugin.deliver(deliveries.get(0)))
          : plugin.deliverAll(deliveries);
      if (results == null || results.isEmpty()) {
        return List.of(DeliveryResult.retry("the module returned no result"));
      }
      List<DeliveryResult> answered = new ArrayList<>();
      for (DeliveryResult result : results.subList(0, Math.min(results.size(), jobs.size()))) {
        answered.add(result == null ? DeliveryResult.retry("the module returned no result") : result);
      }
      return answered;
    } catch (RuntimeException e) {
      return List.of(DeliveryResult.retry("the module failed: " + e));
    }
  }

  private static Delivery delivery(ClaimedJob job) {
    return OutboxJob.KIND_ACTION.equals(job.kind())
        ? new Delivery(job.id(), job.idempotencyKey(), job.attempts() + 1, null, ActionCodec.decode(job.payload()))
        : new Delivery(job.id(), job.idempotencyKey(), job.attempts() + 1,
            EventCodec.decode(job.type(), job.payload()), null);
  }

  private void record(ClaimedJob job, String owner, DeliveryResult result, int maxAttempts, Duration took) {
    if (result.outcome() == DeliveryResult.Outcome.DONE) {
      breaker.succeeded(job.limiterKey());
    } else if (result.outcome() == DeliveryResult.Outcome.RETRY) {
      breaker.failed(job.limiterKey(), clock.instant());
    }
    JobState reached = store.complete(job.id(), owner, result, maxAttempts);
    if (reached == JobState.DONE) {
      metrics.delivered(job.moduleId(), took);
    } else if (reached == JobState.PENDING) {
      metrics.retried(job.moduleId());
    } else if (reached == JobState.DEAD) {
      metrics.dead(job.moduleId());
      LOG.warning(() -> "Outbox job " + job.id() + " (" + job.moduleId() + ", " + job.type() + ") is dead: "
          + result.detail());
    }
  }
}
