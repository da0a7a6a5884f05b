package io.deskbridge.core.outbox;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface OutboxRepository {

  void add(OutboxJob job);

  Optional<OutboxJob> findById(long id);

  Optional<OutboxJob> findById(TenantId tenant, long id);

  /** Admin list, newest first; {@code state} and {@code moduleId} may be null (any). */
  List<OutboxJob> list(TenantId tenant, JobState state, String moduleId, Long beforeId, int limit);

  /**
   * Ids of due PENDING jobs that are the oldest unfinished job of their (tenant, module, ordering
   * key), oldest due first, each with the (tenant, module) it is delivered to.
   */
  List<DueHead> dueHeads(Instant now, int limit);

  /** A due head and the (tenant, module) whose delivery places it would take. */
  record DueHead(long id, long tenantId, String moduleId) {

    String limiterKey() {
      return ClaimedJob.limiterKey(tenantId, moduleId);
    }
  }

  /**
   * The PENDING jobs queued right behind {@code head} in its ordering key (same tenant and module),
   * oldest first, as long as each is due: the ones a batching module may take with it.
   */
  List<Long> dueFollowers(ClaimedJob head, Instant now, int limit);

  /** Atomically moves one PENDING job to IN_FLIGHT under this owner's lease; false if someone else won. */
  boolean claim(long id, String owner, Instant leaseUntil);

  List<OutboxJob> leasedBy(String owner, List<Long> ids);

  /** Gives jobs whose worker vanished (lease expired) back to the queue; returns how many. */
  int reclaimExpired(Instant now);

  /** Moves a module's jobs of one tenant from one state to another (pause on disable, resume on enable). */
  int move(TenantId tenant, String moduleId, JobState from, JobState to, Instant now);

  /** Counts by module and state, for metrics. */
  Map<String, Map<JobState, Long>> countsByModule();
}
