package io.deskbridge.core.sweep;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one scheduler of the workflow rules (handbook 001: SLA warnings and breaches, the "still
 * relevant?" prompt, the close for silence): each round reads the conversations due now from the
 * due index, so its cost follows how many are due, never how many are open. Any number of instances
 * may run it against one database; the per-conversation lock makes each action happen once.
 */
@ApplicationScoped
public class Sweep {

  private static final Logger LOG = Logger.getLogger(Sweep.class.getName());

  /** A conversation whose check fails is not retried every round, which would flood the log. */
  private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

  /**
   * Conversations per transaction: their row locks are held until it commits, so an agent's change
   * to one of them waits at most one batch's work (tens of milliseconds).
   */
  static final int BATCH = 100;

  private final ConversationCheck check;
  private final Clock clock;

  @Inject
  public Sweep(ConversationCheck check, Clock clock) {
    this.check = check;
    this.clock = clock;
  }

  protected Sweep() {
    this(null, null);
  }

  /**
   * One round over at most {@code limit} due conversations, checked in batches of {@link #BATCH}. A
   * batch that fails is checked again one conversation at a time, so one broken conversation holds
   * up only itself: it is retried a minute later, the rest of its batch now.
   */
  public SweepRound run(int limit) {
    Instant now = clock.instant();
    List<Long> due = check.dueAt(now, limit);
    int checked = 0;
    int failed = 0;
    for (int from = 0; from < due.size(); from += BATCH) {
      List<Long> batch = due.subList(from, Math.min(due.size(), from + BATCH));
      try {
        checked += check.checkAll(batch, now);
      } catch (RuntimeException batchFailure) {
        for (long id : batch) {
          try {
            checked += check.checkAll(List.of(id), now);
          } catch (RuntimeException e) {
            failed++;
            LOG.log(Level.WARNING, "Sweep of conversation " + id + " failed; retrying it in " + RETRY_AFTER, e);
            check.postpone(id, now.plus(RETRY_AFTER));
          }
        }
      }
    }
    return new SweepRound(due.size(), checked, failed);
  }

  /** How a round went: ids read as due, checks done here (others were done by another instance), failures. */
  public record SweepRound(int due, int checked, int failed) {}
}
