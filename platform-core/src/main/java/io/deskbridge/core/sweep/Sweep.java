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

  /** One round over at most {@code limit} due conversations; a failing one is retried a minute later. */
  public SweepRound run(int limit) {
    Instant now = clock.instant();
    List<Long> due = check.dueAt(now, limit);
    int checked = 0;
    int failed = 0;
    for (long id : due) {
      try {
        if (check.check(id, now)) {
          checked++;
        }
      } catch (RuntimeException e) {
        failed++;
        LOG.log(Level.WARNING, "Sweep of conversation " + id + " failed; retrying it in " + RETRY_AFTER, e);
        check.postpone(id, now.plus(RETRY_AFTER));
      }
    }
    return new SweepRound(due.size(), checked, failed);
  }

  /** How a round went: ids read as due, checks done here (others were done by another instance), failures. */
  public record SweepRound(int due, int checked, int failed) {}
}
