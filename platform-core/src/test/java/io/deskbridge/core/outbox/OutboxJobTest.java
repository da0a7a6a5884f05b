package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.tenant.TenantId;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The life of one outbox job: attempts, retries, dead letters, deferrals and an admin's retry. */
class OutboxJobTest {

  private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
  private static final Instant LATER = CREATED.plusSeconds(5);
  private static final String WORKER = "node-1:worker-3";

  private static OutboxJob newJob() {
    return new OutboxJob(new TenantId(1), "jira", OutboxJob.KIND_EVENT, "message.created",
        "jira-issue:81", "conversation:81", "{\"conversationId\":81}", 8, CREATED);
  }

  /** As the repository's claim does it: IN_FLIGHT under a worker's lease. */
  private static OutboxJob leased(OutboxJob job) {
    set(job, "state", JobState.IN_FLIGHT);
    set(job, "leaseOwner", WORKER);
    set(job, "leaseUntil", LATER.plusSeconds(60));
    return job;
  }

  private static void set(OutboxJob job, String field, Object value) {
    try {
      Field f = OutboxJob.class.getDeclaredField(field);
      f.setAccessible(true);
      f.set(job, value);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object get(OutboxJob job, String field) {
    try {
      Field f = OutboxJob.class.getDeclaredField(field);
      f.setAccessible(true);
      return f.get(job);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void assertLeaseReleased(OutboxJob job) {
    assertNull(get(job, "leaseOwner"), "lease owner");
    assertNull(get(job, "leaseUntil"), "lease end");
    assertFalse(job.isLeasedBy(WORKER));
  }

  @Test
  void aNewJobIsPendingWithNoAttemptsAndDueAtOnce() {
    OutboxJob job = newJob();

    assertEquals(JobState.PENDING, job.state());
    assertEquals(0, job.attempts());
    assertEquals(8, job.maxAttempts());
    assertEquals(CREATED, job.nextAttemptAt());
    assertEquals(CREATED, job.createdAt());
    assertNull(job.finishedAt());
    assertNull(job.lastError());
    assertFalse(job.isLeasedBy(WORKER));
  }

  @Test
  void aClaimedJobIsLeasedByItsWorkerOnly() {
    OutboxJob job = leased(newJob());

    assertTrue(job.isLeasedBy(WORKER));
    assertFalse(job.isLeasedBy("node-2:worker-1"));
  }

  @Test
  void aSuccessCountsAnAttemptFinishesTheJobAndClearsTheLastError() {
    OutboxJob job = leased(newJob());
    job.retryAt(LATER, "503 Service Unavailable");
    leased(job);

    job.succeed(LATER.plusSeconds(1));

    assertEquals(JobState.DONE, job.state());
    assertEquals(2, job.attempts());
    assertEquals(LATER.plusSeconds(1), job.finishedAt());
    assertNull(job.lastError());
    assertLeaseReleased(job);
  }

  @Test
  void aRetryCountsAnAttemptAndWaitsUntilTheNextTime() {
    OutboxJob job = leased(newJob());
    Instant next = LATER.plus(Duration.ofSeconds(2));

    job.retryAt(next, "429 Too Many Requests");

    assertEquals(JobState.PENDING, job.state());
    assertEquals(1, job.attempts());
    assertEquals(next, job.nextAttemptAt());
    assertEquals("429 Too Many Requests", job.lastError());
    assertNull(job.finishedAt());
    assertLeaseReleased(job);
  }

  @Test
  void aDeadJobCountsAnAttemptAndKeepsItsError() {
    OutboxJob job = leased(newJob());

    job.die(LATER, "401 Unauthorized");

    assertEquals(JobState.DEAD, job.state());
    assertEquals(1, job.attempts());
    assertEquals(LATER, job.finishedAt());
    assertEquals("401 Unauthorized", job.lastError());
    assertLeaseReleased(job);
  }

  @Test
  void aLongErrorIsCutTo2000Characters() {
    String error = "x".repeat(1999) + "yz" + "!".repeat(500);
    OutboxJob retried = leased(newJob());
    OutboxJob dead = leased(newJob());

    retried.retryAt(LATER, error);
    dead.die(LATER, error);

    assertEquals(error.substring(0, 2000), retried.lastError());
    assertEquals(error.substring(0, 2000), dead.lastError());
  }

  @Test
  void anErrorOfExactly2000CharactersIsKeptWhole() {
    String error = "e".repeat(2000);
    OutboxJob job = leased(newJob());

    job.die(LATER, error);

    assertEquals(error, job.lastError());
  }

  @Test
  void aRetryWithoutDetailHasNoError() {
    OutboxJob job = leased(newJob());

    job.retryAt(LATER, null);

    assertNull(job.lastError());
    assertEquals(1, job.attempts());
  }

  @Test
  void aDeferredJobDoesNotUseAnAttempt() {
    OutboxJob job = leased(newJob());
    Instant until = LATER.plusMillis(200);

    job.defer(until);

    assertEquals(JobState.PENDING, job.state());
    assertEquals(0, job.attempts());
    assertEquals(until, job.nextAttemptAt());
    assertLeaseReleased(job);
  }

  @Test
  void aPausedJobDoesNotUseAnAttempt() {
    OutboxJob job = leased(newJob());

    job.pause();

    assertEquals(JobState.PAUSED, job.state());
    assertEquals(0, job.attempts());
    assertNull(job.finishedAt());
    assertLeaseReleased(job);
  }

  @Test
  void anAdminsRetryGivesADeadJobAFreshSetOfAttemptsNow() {
    OutboxJob job = newJob();
    for (int i = 0; i < 7; i++) {
      leased(job).retryAt(CREATED.plusSeconds(i + 1), "timeout");
    }
    leased(job).die(LATER, "Gave up after 8 attempts: timeout");
    assertEquals(8, job.attempts());
    Instant now = LATER.plus(Duration.ofHours(2));

    job.requeue(now);

    assertEquals(JobState.PENDING, job.state());
    assertEquals(0, job.attempts());
    assertEquals(now, job.nextAttemptAt());
    assertNull(job.finishedAt());
    assertLeaseReleased(job);
  }

  @Test
  void aDiscardedJobIsFinished() {
    OutboxJob job = newJob();

    job.discard(LATER);

    assertEquals(JobState.DISCARDED, job.state());
    assertEquals(LATER, job.finishedAt());
    assertTrue(job.state().isFinished());
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"DONE", "DEAD", "DISCARDED"})
  void doneDeadAndDiscardedAreFinished(JobState state) {
    assertTrue(state.isFinished());
  }

  @ParameterizedTest
  @EnumSource(value = JobState.class, names = {"DONE", "DEAD", "DISCARDED"}, mode = EnumSource.Mode.EXCLUDE)
  void pendingInFlightAndPausedAreNotFinished(JobState state) {
    assertFalse(state.isFinished());
  }

  @Test
  void aClaimedJobCarriesWhatTheWorkerNeeds() {
    OutboxJob job = TestEntities.withId(leased(newJob()), 55);
    job.retryAt(LATER, "timeout");
    leased(job);

    ClaimedJob claimed = ClaimedJob.of(job);

    assertEquals(new ClaimedJob(55, 1, "jira", OutboxJob.KIND_EVENT, "message.created", "jira-issue:81",
        job.orderingKey(), "{\"conversationId\":81}", 1), claimed);
    assertEquals("1/jira", claimed.limiterKey());
  }
}
