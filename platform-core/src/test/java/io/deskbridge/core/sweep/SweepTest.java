package io.deskbridge.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.deskbridge.core.sweep.Sweep.SweepRound;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A round works through its due conversations batch by batch; one broken conversation holds up only itself. */
class SweepTest {

  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");

  /** Checks in memory: a batch holding a broken conversation fails as a whole, as its transaction would. */
  private static final class RecordingCheck extends ConversationCheck {
    final List<Long> due;
    final Set<Long> broken;
    final List<Long> checked = new ArrayList<>();
    final List<Integer> batchSizes = new ArrayList<>();
    final Map<Long, Instant> postponed = new HashMap<>();

    RecordingCheck(List<Long> due, Set<Long> broken) {
      this.due = due;
      this.broken = broken;
    }

    @Override
    public List<Long> dueAt(Instant now, int limit) {
      return due.subList(0, Math.min(limit, due.size()));
    }

    @Override
    public int checkAll(List<Long> ids, Instant now) {
      batchSizes.add(ids.size());
      if (ids.stream().anyMatch(broken::contains)) {
        throw new IllegalStateException("broken conversation in " + ids);
      }
      checked.addAll(ids);
      return ids.size();
    }

    @Override
    public void postpone(long id, Instant at) {
      postponed.put(id, at);
    }
  }

  private static List<Long> ids(int count) {
    return LongStream.rangeClosed(1, count).boxed().toList();
  }

  @Test
  void checksADueRoundInBatches() {
    RecordingCheck check = new RecordingCheck(ids(250), Set.of());

    SweepRound round = new Sweep(check, Clock.fixed(NOW, ZoneOffset.UTC)).run(500);

    assertEquals(new SweepRound(250, 250, 0), round);
    assertEquals(List.of(Sweep.BATCH, Sweep.BATCH, 50), check.batchSizes);
    assertEquals(ids(250), check.checked);
  }

  @Test
  void aBrokenConversationIsRetriedAMinuteLaterAndTheRestOfItsBatchNow() {
    RecordingCheck check = new RecordingCheck(ids(150), Set.of(120L));

    SweepRound round = new Sweep(check, Clock.fixed(NOW, ZoneOffset.UTC)).run(500);

    assertEquals(new SweepRound(150, 149, 1), round);
    assertEquals(149, check.checked.size());
    assertEquals(Map.of(120L, NOW.plusSeconds(60)), check.postponed);
  }

  @Test
  void takesNoMoreThanTheRoundsLimit() {
    RecordingCheck check = new RecordingCheck(ids(250), Set.of());

    SweepRound round = new Sweep(check, Clock.fixed(NOW, ZoneOffset.UTC)).run(120);

    assertEquals(new SweepRound(120, 120, 0), round);
    assertEquals(List.of(Sweep.BATCH, 20), check.batchSizes);
  }
}
