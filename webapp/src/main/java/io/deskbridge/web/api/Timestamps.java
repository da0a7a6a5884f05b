package io.deskbridge.web.api;

import java.time.Instant;

/** The API's one time format: ISO-8601 in UTC ("2026-11-27T10:15:30Z"). */
public final class Timestamps {

  private Timestamps() {}

  public static String iso(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
