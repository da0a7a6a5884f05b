package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.RequestPacer;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * amoCRM's REST API v4 for one account: Bearer auth, pacing, and the vendor's answers turned into
 * what the outbox should do (429 and 5xx: later; 401 after one renewal, 402, 403, 400: dead letter).
 */
final class AmoApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** amoCRM sends no Retry-After with its 429; this is the pause we give it instead. */
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(1);
  /** 40 pages of 250: a search that matches more is too vague to pick a contact from. */
  private static final int MAX_PAGES = 40;

  private final String base;
  private final AccessTokens tokens;
  private final RequestPacer pacer;
  private final HttpClient http;

  AmoApi(String base, AccessTokens tokens, RequestPacer pacer, HttpClient http) {
    this.base = base;
    this.tokens = tokens;
    this.pacer = pacer;
    this.http = http;
  }

  /** @return empty for amoCRM's 204 "nothing found" */
  Optional<JsonObject> get(String pathAndQuery) {
    return call("GET", pathAndQuery, null).map(JsonValue::asJsonObject);
  }

  /**
   * The first item of a list that {@code wanted} accepts, reading page after page by the {@code next}
   * links amoCRM sends (none on the last page; 204 when nothing matches at all).
   */
  Optional<JsonObject> firstOf(String pathAndQuery, String embedded, Predicate<JsonObject> wanted) {
    String next = pathAndQuery;
    for (int page = 0; page < MAX_PAGES && next != null; page++) {
      Optional<JsonObject> answer = get(next);
      if (answer.isEmpty()) {
        return Optional.empty();
      }
      JsonObject items = answer.get().getJsonObject("_embedded");
      if (items != null && items.get(embedded) instanceof JsonArray list) {
        for (JsonValue item : list) {
          if (wanted.test(item.asJsonObject())) {
            return Optional.of(item.asJsonObject());
          }
        }
      }
      next = nextPage(answer.get());
    }
    return Optional.empty();
  }

  /** The next link as a path on this account: amoCRM writes it absolute, with the original filters. */
  private static String nextPage(JsonObject answer) {
    JsonObject links = answer.getJsonObject("_links");
    if (links == null || !(links.get("next") instanceof JsonObject next)) {
      return null;
    }
    URI href = URI.create(next.getString("href"));
    return href.getRawPath() + (href.getRawQuery() == null ? "" : "?" + href.getRawQuery());
  }

  JsonStructure post(String path, JsonStructure body) {
    return call("POST", path, body)
        .orElseThrow(() -> AmoCallFailed.retry(null, "amoCRM answered POST " + path + " without a body"));
  }

  /** @return the answer, if amoCRM sent one (a PATCH of one entity answers with its id) */
  Optional<JsonStructure> patch(String path, JsonStructure body) {
    return call("PATCH", path, body);
  }

  private Optional<JsonStructure> call(String method, String path, JsonStructure body) {
    String token = tokens.current();
    HttpResponse<String> response = send(method, path, body, token);
    if (response.statusCode() == 401 && tokens.renewAfterRejection(token)) {
      response = send(method, path, body, tokens.current());
    }
    return answer(method + " " + path, response);
  }

  private HttpResponse<String> send(String method, String path, JsonStructure body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Authorization", "Bearer " + token).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    return exchange(request.build(), method + " " + path, pacer, http);
  }

  static HttpResponse<String> exchange(HttpRequest request, String what, RequestPacer pacer, HttpClient http) {
    try {
      return pacer.call(() -> http.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw AmoCallFailed.retry(null, "amoCRM did not answer " + what + ": " + e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw AmoCallFailed.retry(null, "interrupted during " + what);
    }
  }

  static Optional<JsonStructure> answer(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 204) {
      return Optional.empty();
    }
    if (status >= 200 && status < 300) {
      return Optional.of(parse(response.body()));
    }
    String detail = "amoCRM answered " + what + " with " + status + problem(response.body());
    if (status == 429) {
      Duration wait = response.headers().firstValue("Retry-After").flatMap(AmoApi::seconds).orElse(DEFAULT_BACKOFF);
      throw AmoCallFailed.retry(wait, detail).refusedByAmoCrm();
    }
    if (status >= 500 || status == 408) {
      throw AmoCallFailed.retry(null, detail);
    }
    if (status == 403) {
      throw AmoCallFailed.failed(detail + " (the account or this server's address is blocked by amoCRM)")
          .refusedByAmoCrm();
    }
    throw AmoCallFailed.failed(detail).refusedByAmoCrm();
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** The problem+json title, detail and validation errors, as short as an admin can read. */
  static String problem(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonObject p = parse(body).asJsonObject();
      // amoCRM's main API answers problem+json; its Chats API answers {"error": "..."}.
      StringBuilder s = new StringBuilder(": ").append(p.getString("detail", p.getString("title",
          p.getString("error", ""))));
      if (p.containsKey("hint")) {
        s.append(" (").append(p.getString("hint", "")).append(')');
      }
      if (p.get("validation-errors") instanceof JsonArray items) {
        for (JsonValue item : items) {
          for (JsonValue e : item.asJsonObject().getJsonArray("errors")) {
            JsonObject error = e.asJsonObject();
            s.append("; ").append(error.getString("path", "?")).append(": ")
                .append(error.getString("detail", error.getString("code", "")));
          }
        }
      }
      return s.toString();
    } catch (RuntimeException e) {
      return ": " + (body.length() > 300 ? body.substring(0, 300) : body);
    }
  }

  static JsonStructure parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.read();
    }
  }
}
