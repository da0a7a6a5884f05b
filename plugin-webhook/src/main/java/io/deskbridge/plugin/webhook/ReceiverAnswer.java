package io.deskbridge.plugin.webhook;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * What the receiver answered, and what that means for the delivery: 2xx is done; 408, 429 and 5xx
 * are passing (429 and 503 may say how long to wait); any other answer is a receiver that refuses
 * this request and will refuse it again, so it is dead-lettered at once.
 *
 * @param excerpt the start of the body, already cut to a loggable length and stripped of the secret
 */
record ReceiverAnswer(int status, Optional<String> retryAfter, String excerpt) {

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** One line for the admin: the status and the receiver's own words. */
  String summary() {
    String redirect = status >= 300 && status < 400 ? " (redirects are not followed; configure the final URL)" : "";
    return "Receiver answered " + status + redirect + (excerpt.isEmpty() ? "" : ": " + excerpt);
  }

  DeliveryResult outcome(Instant now) {
    if (isSuccess()) {
      return DeliveryResult.done();
    }
    if (status == 429 || status == 503) {
      Optional<Duration> wait = retryAfter.flatMap(value -> parseRetryAfter(value, now));
      if (wait.isPresent()) {
        return DeliveryResult.retryAfter(wait.get(), summary());
      }
    }
    if (status == 408 || status == 429 || status >= 500) {
      return DeliveryResult.retry(summary());
    }
    return DeliveryResult.failed(summary());
  }

  /** RFC 9110 §10.2.3: delay-seconds or an HTTP-date; anything else is ignored. */
  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String trimmed = value.trim();
    if (trimmed.matches("\\d{1,9}")) {
      return Optional.of(Duration.ofSeconds(Long.parseLong(trimmed)));
    }
    try {
      Instant at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
