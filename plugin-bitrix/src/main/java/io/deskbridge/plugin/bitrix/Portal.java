package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Bitrix24's classic REST for one portal: {@code POST {restRoot}{method}.json} with a JSON body,
 * the OAuth token as {@code auth}, pacing by the portal's bucket, and its errors turned into what
 * the outbox should do: QUERY_LIMIT_EXCEEDED → back off; OPERATION_TIME_LIMIT → pause that method;
 * expired_token → renew once; 5xx → later; anything else → dead letter with Bitrix24's reason.
 */
final class Portal {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** The method's budget is summed over ten minutes; one minute lets the oldest part of it expire. */
  static final Duration METHOD_PAUSE = Duration.ofMinutes(1);
  /** OVERLOAD_LIMIT blocks the whole integration until someone at Bitrix24 lifts it. */
  static final Duration OVERLOAD_PAUSE = Duration.ofMinutes(10);
  private static final String PAUSED = "paused-method";

  private final BitrixConfig config;
  private final PortalAuth auth;
  private final PortalBucket bucket;
  private final HttpClient http;
  private final Mappings mappings;
  private final Clock clock;

  Portal(BitrixConfig config, PortalAuth auth, PortalBucket bucket, HttpClient http, Mappings mappings,
      Clock clock) {
    this.config = config;
    this.auth = auth;
    this.bucket = bucket;
    this.http = http;
    this.mappings = mappings;
    this.clock = clock;
  }

  /** @return the answer's {@code result} */
  JsonValue call(String method, JsonObject params) {
    return answer(method, params).get("result");
  }

  /** The whole answer, for lists: {@code result}, {@code next} and {@code total}. */
  JsonObject answer(String method, JsonObject params) {
    Optional<Instant> paused = pausedUntil(method);
    if (paused.isPresent()) {
      throw PortalCallFailed.retry(Duration.between(clock.instant(), paused.get()),
          method + " is paused: Bitrix24 answered OPERATION_TIME_LIMIT for it").refusedByPortal();
    }
    Optional<String> token = auth.accessToken();
    HttpResponse<String> response = send(method, params, token);
    if (token.isPresent() && "expired_token".equals(error(response).orElse(null))
        && auth.renewAfterExpiry(token.get())) {
      response = send(method, params, auth.accessToken());
    }
    return success(method, response);
  }

  private HttpResponse<String> send(String method, JsonObject params, Optional<String> token) {
    String url = config.restRoot() + method + ".json"
        + token.map(t -> "?auth=" + URLEncoder.encode(t, StandardCharsets.UTF_8)).orElse("");
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
        .header("Content-Type", "application/json").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(params.toString())).build();
    try {
      bucket.awaitRoom();
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw PortalCallFailed.retry(null, "Bitrix24 did not answer " + method + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw PortalCallFailed.retry(null, "interrupted during " + method);
    }
  }

  private JsonObject success(String method, HttpResponse<String> response) {
    int status = response.statusCode();
    Optional<JsonObject> body = json(response.body());
    Optional<String> error = body.map(b -> b.getString("error", null));
    if (status == 200 && body.isPresent() && error.isEmpty()) {
      return body.get();
    }
    String detail = "Bitrix24 answered " + method + " with " + status + describe(body, response.body());
    String code = error.orElse("");
    if (code.equals("QUERY_LIMIT_EXCEEDED")) {
      bucket.overflowed();
      throw PortalCallFailed.retry(bucket.untilRoom(), detail).refusedByPortal();
    }
    if (code.equals("OPERATION_TIME_LIMIT")) {
      pause(method, METHOD_PAUSE);
      throw PortalCallFailed.retry(METHOD_PAUSE, detail).refusedByPortal();
    }
    if (code.equals("OVERLOAD_LIMIT")) {
      throw PortalCallFailed.retry(OVERLOAD_PAUSE, detail).refusedByPortal();
    }
    if (status >= 500 || status == 408 || status == 429 || body.isEmpty()) {
      throw PortalCallFailed.retry(null, detail);
    }
    throw PortalCallFailed.failed(detail).refusedByPortal();
  }

  private Optional<Instant> pausedUntil(String method) {
    return mappings.remoteId(PAUSED, method).map(Long::parseLong).map(Instant::ofEpochMilli)
        .filter(until -> until.isAfter(clock.instant()));
  }

  private void pause(String method, Duration pause) {
    mappings.remember(PAUSED, method, Long.toString(clock.instant().plus(pause).toEpochMilli()));
  }

  private static Optional<String> error(HttpResponse<String> response) {
    return json(response.body()).map(b -> b.getString("error", null));
  }

  /** Bitrix24's {@code {error, error_description}}, or the start of a page that is not JSON. */
  static String describe(Optional<JsonObject> body, String raw) {
    if (body.isPresent()) {
      JsonObject b = body.get();
      return " {" + b.getString("error", "") + ", " + b.getString("error_description", "") + "}";
    }
    return raw == null || raw.isBlank() ? "" : ": " + (raw.length() > 200 ? raw.substring(0, 200) : raw);
  }

  static Optional<JsonObject> json(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      return value instanceof JsonObject o ? Optional.of(o) : Optional.empty();
    } catch (RuntimeException e) {
      // some 429 and 5xx answers of Bitrix24's front servers are HTML pages
      return Optional.empty();
    }
  }
}
