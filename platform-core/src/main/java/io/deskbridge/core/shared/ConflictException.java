package io.deskbridge.core.shared;

/** The request contradicts what is stored now: a duplicate key, or a change based on a stale copy. */
public class ConflictException extends DomainException {

  public ConflictException(String code, String message) {
    super(Kind.CONFLICT, code, message);
  }

  /** Refuses a change based on another version than the stored one; no expectation, no check. */
  public static void requireVersion(String what, Object id, Long expected, long actual) {
    if (expected != null && expected != actual) {
      throw staleVersion(what, id);
    }
  }

  public static ConflictException staleVersion(String what, Object id) {
    return new ConflictException(
        "stale-version",
        what + " " + id + " was changed by someone else; reload it and try again.");
  }
}
