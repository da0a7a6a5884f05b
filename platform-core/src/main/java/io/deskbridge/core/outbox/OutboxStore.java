package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.PlatformSettings;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.shared.ConflictException;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The outbox's state changes, each in its own short transaction. */
@ApplicationScoped
@Transactional
public class OutboxStore {

  private static final int LOOK_AHEAD = 16;

  private final OutboxRepository jobs;
  private final PlatformSettings settings;
  private final Clock clock;

  @Inject
  public OutboxStore(OutboxRepository jobs, PlatformSettings settings, Clock clock) {
    this.jobs = jobs;
    this.settings = settings;
    this.clock = clock;
  }

  protected OutboxStore() {
    this(null, null, null);
  }

  /** Leases up to {@code max} due jobs to {@code owner}; other workers never get the same ones. */
  public List<ClaimedJob> claim(String owner, int max, Duration lease) {
    return claim(owner, max, lease, Integer.MAX_VALUE, Map.of());
  }

  /**
   * Leases up to {@code max} due jobs to {@code owner}, at most {@code perModule} in flight for any
   * one (tenant, module) counting the {@code busy} ones the owner already runs (by
   * {@link ClaimedJob#limiterKey()}): the heads of a module with no place left are passed over, so a
   * slow vendor's jobs cannot take every delivery place while the others' jobs wait behind them.
   */
  public List<ClaimedJob> claim(String owner, int max, Duration lease, int perModule, Map<String, Integer> busy) {
    Instant now = clock.instant();
    jobs.reclaimExpired(now);
    Map<String, Integer> taken = new HashMap<>(busy);
    List<Long> won = new ArrayList<>();
    // A wider look than max, so that heads of other modules are found behind a full module's.
    int look = perModule == Integer.MAX_VALUE ? max : Math.max(max, max * LOOK_AHEAD);
    for (OutboxRepository.DueHead head : jobs.dueHeads(now, look)) {
      if (won.size() == max) {
        break;
      }
      if (taken.getOrDefault(head.limiterKey(), 0) >= perModule) {
        continue;
      }
      if (jobs.claim(head.id(), owner, now.plus(lease))) {
        won.add(head.id());
        taken.merge(head.limiterKey(), 1, Integer::sum);
      }
    }
    return jobs.leasedBy(owner, won).stream().map(ClaimedJob::of).toList();
  }

  /**
   * Leases up to {@code max} jobs queued right behind a claimed head (same ordering key), for a
   * module that delivers them together; nobody else can claim them while the head is in flight.
   */
  public List<ClaimedJob> claimFollowers(ClaimedJob head, String owner, int max, Duration lease) {
    Instant now = clock.instant();
    List<Long> won = new ArrayList<>();
    for (Long id : jobs.dueFollowers(head, now, max)) {
      if (!jobs.claim(id, owner, now.plus(lease))) {
        break;
      }
      won.add(id);
    }
    return jobs.leasedBy(owner, won).stream().map(ClaimedJob::of).toList();
  }

  /** Records an attempt's outcome, if the lease is still ours; returns the state reached. */
  public JobState complete(long jobId, String owner, DeliveryResult result, int maxAttempts) {
    Instant now = clock.instant();
    OutboxJob job = jobs.findById(jobId).orElse(null);
    if (job == null || !job.isLeasedBy(owner)) {
      return null;
    }
    switch (result.outcome()) {
      case DONE -> job.succeed(now);
      case FAILED -> job.die(now, result.detail());
      case RETRY -> {
        if (job.attempts() + 1 >= maxAttempts) {
          job.die(now, "Gave up after " + maxAttempts + " attempts: " + result.detail());
        } else {
          job.retryAt(now.plus(Backoff.after(job.attempts() + 1, result.retryAfter(), settings.retryBase())),
              result.detail());
        }
      }
    }
    return job.state();
  }

  /** Hands a job back without an attempt (rate limit, open circuit). */
  public void defer(long jobId, String owner, Instant until) {
    jobs.findById(jobId).filter(j -> j.isLeasedBy(owner)).ifPresent(j -> j.defer(until));
  }

  /** The job's module was disabled while it waited. */
  public void pause(long jobId, String owner) {
    jobs.findById(jobId).filter(j -> j.isLeasedBy(owner)).ifPresent(OutboxJob::pause);
  }

  public List<OutboxJob> list(TenantId tenant, JobState state, String moduleId, Long beforeId, int limit) {
    return jobs.list(tenant, state, moduleId, beforeId, limit);
  }

  public OutboxJob get(TenantId tenant, long id) {
    return jobs.findById(tenant, id).orElseThrow(() -> new NotFoundException("Outbox job", id));
  }

  /** An admin's retry of a dead or discarded job: it is delivered once more, from attempt one. */
  public OutboxJob retry(TenantId tenant, long id) {
    OutboxJob job = get(tenant, id);
    if (job.state() != JobState.DEAD && job.state() != JobState.DISCARDED) {
      throw new ConflictException("job-not-dead", "Only dead or discarded jobs can be retried; job " + id
          + " is " + job.state() + ".");
    }
    job.requeue(clock.instant());
    return job;
  }

  public OutboxJob discard(TenantId tenant, long id) {
    OutboxJob job = get(tenant, id);
    if (job.state() == JobState.DONE || job.state() == JobState.IN_FLIGHT) {
      throw new ConflictException("job-not-discardable", "Job " + id + " is " + job.state() + ".");
    }
    job.discard(clock.instant());
    return job;
  }

  public Map<String, Map<JobState, Long>> countsByModule() {
    return jobs.countsByModule();
  }
}
