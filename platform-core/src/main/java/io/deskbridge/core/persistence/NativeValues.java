package io.deskbridge.core.persistence;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Values of native queries, which bypass the entity mappings: H2 and PostgreSQL's drivers hand a
 * timestamp back as different types, and a null parameter would be bound as text.
 */
final class NativeValues {

  private NativeValues() {}

  /** A timestamp parameter for a {@code TIMESTAMP WITH TIME ZONE} column. */
  static OffsetDateTime utc(Instant instant) {
    return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
  }

  static long number(Object value) {
    return ((Number) value).longValue();
  }

  /** A timestamp column read back, whichever type the driver chose. */
  static Instant instant(Object value) {
    if (value instanceof OffsetDateTime offset) {
      return offset.toInstant();
    }
    if (value instanceof java.sql.Timestamp timestamp) {
      return timestamp.toInstant();
    }
    if (value instanceof ZonedDateTime zoned) {
      return zoned.toInstant();
    }
    if (value instanceof LocalDateTime local) {
      return local.toInstant(ZoneOffset.UTC);
    }
    throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
  }
}
