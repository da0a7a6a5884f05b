package io.deskbridge.core.persistence;

import static io.deskbridge.core.persistence.NativeValues.instant;
import static io.deskbridge.core.persistence.NativeValues.number;
import static io.deskbridge.core.persistence.NativeValues.utc;

import io.deskbridge.core.ratelimit.CountingWindow;
import io.deskbridge.core.ratelimit.RateWindowRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** Native queries: a row lock (FOR UPDATE) on a narrow row, taken and released many times a second. */
@ApplicationScoped
public class JpaRateWindowRepository implements RateWindowRepository {

  @PersistenceContext(unitName = "deskbridge")
  EntityManager em;

  @Override
  @SuppressWarnings("unchecked")
  public Optional<List<Instant>> lockCallLog(long tenantId, String bucket) {
    List<Object> rows = em.createNativeQuery("select call_times from rate_call_log where tenant_id = ? and bucket = ?"
            + " for update")
        .setParameter(1, tenantId)
        .setParameter(2, bucket)
        .getResultList();
    return rows.stream().findFirst().map(r -> times((String) r));
  }

  @Override
  public void createCallLog(long tenantId, String bucket, List<Instant> calls) {
    em.createNativeQuery("insert into rate_call_log (tenant_id, bucket, call_times) values (?, ?, ?)")
        .setParameter(1, tenantId)
        .setParameter(2, bucket)
        .setParameter(3, text(calls))
        .executeUpdate();
  }

  @Override
  public void saveCallLog(long tenantId, String bucket, List<Instant> calls) {
    em.createNativeQuery("update rate_call_log set call_times = ? where tenant_id = ? and bucket = ?")
        .setParameter(1, text(calls))
        .setParameter(2, tenantId)
        .setParameter(3, bucket)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Instant> lockBucket(long tenantId, String bucket) {
    List<Object> rows = em.createNativeQuery("select empty_at from rate_bucket where tenant_id = ? and bucket = ?"
            + " for update")
        .setParameter(1, tenantId)
        .setParameter(2, bucket)
        .getResultList();
    return rows.stream().findFirst().map(NativeValues::instant);
  }

  @Override
  public void createBucket(long tenantId, String bucket, Instant emptyAt) {
    em.createNativeQuery("insert into rate_bucket (tenant_id, bucket, empty_at) values (?, ?, ?)")
        .setParameter(1, tenantId)
        .setParameter(2, bucket)
        .setParameter(3, utc(emptyAt))
        .executeUpdate();
  }

  @Override
  public void saveBucket(long tenantId, String bucket, Instant emptyAt) {
    em.createNativeQuery("update rate_bucket set empty_at = ? where tenant_id = ? and bucket = ?")
        .setParameter(1, utc(emptyAt))
        .setParameter(2, tenantId)
        .setParameter(3, bucket)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<CountingWindow> lockCounter(String bucket) {
    List<Object[]> rows = em.createNativeQuery("select ends_at, calls from rate_counter where bucket = ? for update")
        .setParameter(1, bucket)
        .getResultList();
    return rows.stream().findFirst().map(r -> new CountingWindow(instant(r[0]), (int) number(r[1])));
  }

  @Override
  public void createCounter(String bucket, CountingWindow window) {
    em.createNativeQuery("insert into rate_counter (bucket, ends_at, calls) values (?, ?, ?)")
        .setParameter(1, bucket)
        .setParameter(2, utc(window.endsAt()))
        .setParameter(3, window.calls())
        .executeUpdate();
  }

  @Override
  public void saveCounter(String bucket, CountingWindow window) {
    em.createNativeQuery("update rate_counter set ends_at = ?, calls = ? where bucket = ?")
        .setParameter(1, utc(window.endsAt()))
        .setParameter(2, window.calls())
        .setParameter(3, bucket)
        .executeUpdate();
  }

  @Override
  public int removeCountersClosedBefore(Instant before) {
    return em.createNativeQuery("delete from rate_counter where ends_at < ?")
        .setParameter(1, utc(before))
        .executeUpdate();
  }

  private static String text(List<Instant> calls) {
    return calls.stream().map(c -> Long.toString(c.toEpochMilli())).collect(Collectors.joining(" "));
  }

  private static List<Instant> times(String text) {
    return text.isBlank() ? List.of()
        : Arrays.stream(text.split(" ")).map(t -> Instant.ofEpochMilli(Long.parseLong(t))).toList();
  }
}
