package io.deskbridge.core.sla;

import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.shared.Validation;
import java.util.Set;

/**
 * A tenant's response-time promises (handbook 001): how long the first reply, each next reply and
 * the resolution may take, when to warn, and which statuses stop the resolution clock.
 *
 * <p>Guarantees: a non-blank name of at most 100 characters, all three targets, a warning share
 * strictly between 0 and 1, and paused statuses that never include CLOSED (closing stops a timer,
 * it does not pause it). Only the resolution timer pauses: a waiting customer still expects replies.
 */
public record SlaPolicy(String name, SlaDuration firstReply, SlaDuration nextReply,
    SlaDuration resolution, double warnAtShare, Set<ConversationStatus> pausedStatuses) {

  public static final String DEFAULT_NAME = "Default";
  public static final double DEFAULT_WARN_AT_SHARE = 0.8;

  /** Problems in a third-party service wait for that vendor, days to months (handbook 000). */
  public static final Set<ConversationStatus> DEFAULT_PAUSED_STATUSES =
      Set.of(ConversationStatus.WAITING_ON_VENDOR);

  public SlaPolicy {
    Validation validation = new Validation()
        .required("name", name)
        .maxLength("name", name, 100)
        .required("firstReply", firstReply)
        .required("nextReply", nextReply)
        .required("resolution", resolution)
        .check(warnAtShare > 0 && warnAtShare < 1, "warnAtShare", "must be between 0 and 1, both excluded")
        .required("pausedStatuses", pausedStatuses);
    if (pausedStatuses != null) {
      validation.check(!pausedStatuses.contains(ConversationStatus.CLOSED), "pausedStatuses",
          "must not contain CLOSED: closing stops the timers");
    }
    validation.orThrow();
    pausedStatuses = Set.copyOf(pausedStatuses);
  }

  /** A policy with the default warning share (0.8) and paused statuses (waiting on vendor). */
  public static SlaPolicy of(
      String name, SlaDuration firstReply, SlaDuration nextReply, SlaDuration resolution) {
    return new SlaPolicy(name, firstReply, nextReply, resolution,
        DEFAULT_WARN_AT_SHARE, DEFAULT_PAUSED_STATUSES);
  }

  /** Handbook 001: first reply within 1 minute, each next reply within 5, resolution within 30. */
  public static SlaPolicy defaults() {
    return of(DEFAULT_NAME, SlaDuration.parse("PT1M"), SlaDuration.parse("PT5M"), SlaDuration.parse("PT30M"));
  }

  public SlaDuration target(SlaTarget target) {
    return switch (target) {
      case FIRST_REPLY -> firstReply;
      case NEXT_REPLY -> nextReply;
      case RESOLUTION -> resolution;
    };
  }

  public boolean pausesIn(ConversationStatus status) {
    return pausedStatuses.contains(status);
  }
}
