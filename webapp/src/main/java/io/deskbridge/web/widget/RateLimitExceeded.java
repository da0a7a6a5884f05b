package io.deskbridge.web.widget;

/** Too many widget requests in the current minute; {@code retryAfterSeconds} until the next one is taken. */
public class RateLimitExceeded extends RuntimeException {

  private final int limit;
  private final long retryAfterSeconds;

  RateLimitExceeded(int limit, long retryAfterSeconds) {
    super("More than " + limit + " requests a minute; try again in " + retryAfterSeconds + " s.");
    this.limit = limit;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public int limit() {
    return limit;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
