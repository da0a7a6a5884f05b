package io.deskbridge.core.plugin.spi;

/** How a configuration value is entered, validated and stored. */
public enum ConfigType {
  STRING,
  /** An absolute http(s) URL. */
  URL,
  /** Write-only: encrypted at rest, never returned by the API, masked in logs. */
  SECRET,
  /** One of {@link ConfigProperty#options()}. */
  ENUM,
  BOOLEAN,
  INTEGER,
  /** ISO-8601, e.g. PT5M. */
  DURATION,
  /** A list of strings; limited to {@link ConfigProperty#options()} when options are given. */
  LIST
}
