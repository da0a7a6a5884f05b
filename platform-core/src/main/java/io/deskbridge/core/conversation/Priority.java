package io.deskbridge.core.conversation;

/**
 * How soon a conversation should be taken. Stored as its rank so the inbox can order by it in the
 * database; "our clients" (handbook 004) get HIGH.
 */
public enum Priority {
  LOW(1),
  NORMAL(2),
  HIGH(3),
  URGENT(4);

  private final int rank;

  Priority(int rank) {
    this.rank = rank;
  }

  public int rank() {
    return rank;
  }

  public static Priority ofRank(int rank) {
    for (Priority p : values()) {
      if (p.rank == rank) {
        return p;
      }
    }
    throw new IllegalArgumentException("No priority of rank " + rank);
  }
}
