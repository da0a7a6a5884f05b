package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deskbridge.core.tenant.TenantId;
import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A claim leaves a slow module's surplus heads queued, so other modules' jobs get the free places. */
class OutboxStoreClaimTest {

  private static final Instant NOW = Instant.parse("2026-11-28T12:00:00Z");

  private final Heads heads = new Heads();
  private final OutboxStore store = new OutboxStore(heads, null, Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void aModuleWithNoPlaceLeftIsPassedOver() {
    for (long id = 1; id <= 10; id++) {
      heads.add(id, "bitrix24");
    }
    heads.add(11, "amocrm");
    heads.add(12, "amocrm");

    List<ClaimedJob> claimed = store.claim("w", 6, Duration.ofMinutes(1), 2, Map.of("1/bitrix24", 1));

    assertEquals(List.of(1L, 11L, 12L), claimed.stream().map(ClaimedJob::id).toList());
  }

  @Test
  void withoutACapTheOldestHeadsAreClaimed() {
    for (long id = 1; id <= 10; id++) {
      heads.add(id, "bitrix24");
    }
    heads.add(11, "amocrm");

    List<ClaimedJob> claimed = store.claim("w", 3, Duration.ofMinutes(1));

    assertEquals(List.of(1L, 2L, 3L), claimed.stream().map(ClaimedJob::id).toList());
  }

  /** Due heads of tenant 1, oldest first; every claim succeeds. */
  private static final class Heads implements OutboxRepository {

    private final Map<Long, OutboxJob> jobs = new LinkedHashMap<>();

    void add(long id, String moduleId) {
      OutboxJob job = new OutboxJob(new TenantId(1), moduleId, OutboxJob.KIND_EVENT, "message.created",
          moduleId + ":" + id, "conversation:" + id, "{}", 8, NOW.minusSeconds(60));
      try {
        Field f = OutboxJob.class.getDeclaredField("id");
        f.setAccessible(true);
        f.set(job, id);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      jobs.put(id, job);
    }

    @Override
    public List<DueHead> dueHeads(Instant now, int limit) {
      return jobs.values().stream().limit(limit).map(j -> new DueHead(j.id(), 1, j.moduleId())).toList();
    }

    @Override
    public boolean claim(long id, String owner, Instant leaseUntil) {
      return true;
    }

    @Override
    public List<OutboxJob> leasedBy(String owner, List<Long> ids) {
      List<OutboxJob> leased = new ArrayList<>();
      ids.forEach(id -> leased.add(jobs.get(id)));
      return leased;
    }

    @Override
    public int reclaimExpired(Instant now) {
      return 0;
    }

    @Override
    public void add(OutboxJob job) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<OutboxJob> findById(long id) {
      return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public Optional<OutboxJob> findById(TenantId tenant, long id) {
      return findById(id);
    }

    @Override
    public List<OutboxJob> list(TenantId tenant, JobState state, String moduleId, Long beforeId, int limit) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Long> dueFollowers(ClaimedJob head, Instant now, int limit) {
      return List.of();
    }

    @Override
    public int move(TenantId tenant, String moduleId, JobState from, JobState to, Instant now) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Map<String, Map<JobState, Long>> countsByModule() {
      throw new UnsupportedOperationException();
    }
  }
}
