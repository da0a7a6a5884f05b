package io.deskbridge.core.plugin.spi;

/**
 * How fast a module may call its vendor for one tenant; the outbox never exceeds it.
 *
 * @param permitsPerSecond sustained rate (e.g. 7 for amoCRM)
 * @param burst how many calls may go at once after a quiet period
 */
public record RateLimit(double permitsPerSecond, int burst) {

  public static RateLimit unlimited() {
    return new RateLimit(Double.POSITIVE_INFINITY, Integer.MAX_VALUE);
  }

  public boolean isUnlimited() {
    return Double.isInfinite(permitsPerSecond);
  }
}
