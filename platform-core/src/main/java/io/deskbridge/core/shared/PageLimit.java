package io.deskbridge.core.shared;

/** Page sizes of every list: 1 to 100, 50 when the client does not say. */
public final class PageLimit {

  public static final int DEFAULT = 50;
  public static final int MAX = 100;

  private PageLimit() {}

  /** Reads a limit from a query string: absent means the default; anything else must be 1 to 100. */
  public static int parse(String requested) {
    if (requested == null || requested.isBlank()) {
      return DEFAULT;
    }
    try {
      return of(Integer.valueOf(requested.trim()));
    } catch (NumberFormatException e) {
      throw new InvalidInputException("limit", "must be a whole number between 1 and " + MAX);
    }
  }

  public static int of(Integer requested) {
    if (requested == null) {
      return DEFAULT;
    }
    if (requested < 1 || requested > MAX) {
      throw new InvalidInputException("limit", "must be between 1 and " + MAX);
    }
    return requested;
  }
}
