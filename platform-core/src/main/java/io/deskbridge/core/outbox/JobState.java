package io.deskbridge.core.outbox;

/** Where an outbox job is in its life. */
public enum JobState {
  /** Waiting for its turn (next attempt time, its ordering key, the rate limit). */
  PENDING,
  /** Claimed by a worker under a lease; back to PENDING if the worker dies. */
  IN_FLIGHT,
  DONE,
  /** Gave up (attempts used, or a failure no retry fixes); an admin may retry it. */
  DEAD,
  /** Its module was disabled; resumes when the module is enabled again. */
  PAUSED,
  /** Dropped by an admin. */
  DISCARDED;

  public boolean isFinished() {
    return this == DONE || this == DEAD || this == DISCARDED;
  }
}
