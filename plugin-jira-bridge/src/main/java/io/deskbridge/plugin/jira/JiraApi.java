package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.RequestPacer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Jira's REST API for one site: v3 with Basic email:token on Cloud, v2 with a Bearer personal access
 * token on Data Center, paced, and Jira's answers turned into what the outbox should do (429 and 5xx:
 * later, honouring Retry-After; 401, 403, 400, 404: dead letter, with Jira's own words).
 */
final class JiraApi {

  private static final Duration TIMEOUT = Duration.ofSeconds(20);
  /** When Jira's 429 carries no Retry-After (a gateway answered), this is the pause we give it. */
  static final Duration DEFAULT_BACKOFF = Duration.ofSeconds(5);

  private final String base;
  private final String authorization;
  private final RequestPacer pacer;
  private final HttpClient http;

  JiraApi(JiraConfig config, RequestPacer pacer, HttpClient http) {
    this.base = config.site() + "/rest/api/" + (config.isCloud() ? "3" : "2");
    this.authorization = config.isCloud()
        ? "Basic " + Base64.getEncoder().encodeToString((config.email().orElse("") + ":"
            + config.apiToken().reveal()).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + config.apiToken().reveal();
    this.pacer = pacer;
    this.http = http;
  }

  /** @return empty for Jira's 404 (no such issue, or not visible to this account) */
  Optional<JsonObject> find(String pathAndQuery) {
    try {
      return Optional.of(get(pathAndQuery));
    } catch (JiraCallFailed e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  JsonObject get(String pathAndQuery) {
    return call("GET", pathAndQuery, null).orElse(JsonValue.EMPTY_JSON_OBJECT);
  }

  /** @param status receives the HTTP status, for calls whose 200 and 201 mean different things */
  JsonObject post(String path, JsonObject body, int[] status) {
    HttpResponse<String> response = send("POST", path, body);
    if (status != null) {
      status[0] = response.statusCode();
    }
    return answer("POST " + path, response).orElse(JsonValue.EMPTY_JSON_OBJECT);
  }

  void delete(String pathAndQuery) {
    call("DELETE", pathAndQuery, null);
  }

  private Optional<JsonObject> call(String method, String path, JsonObject body) {
    return answer(method + " " + path, send(method, path, body));
  }

  private HttpResponse<String> send(String method, String path, JsonObject body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT)
        .header("Authorization", authorization).header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body.toString()));
    }
    String what = method + " " + path;
    try {
      HttpRequest paced = request.build();
      return pacer.call(() -> http.send(paced, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw JiraCallFailed.retry(null, "Jira did not answer " + what + ": " + e, 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw JiraCallFailed.retry(null, "interrupted during " + what, 0);
    }
  }

  private static Optional<JsonObject> answer(String what, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      String body = response.body();
      return body == null || body.isBlank() ? Optional.empty() : Optional.of(parse(body));
    }
    String detail = "Jira answered " + what + " with " + status + JiraProblem.describe(response.body());
    Optional<Duration> wait = response.headers().firstValue("Retry-After").flatMap(JiraApi::seconds);
    if (status == 429) {
      throw JiraCallFailed.retry(wait.orElse(DEFAULT_BACKOFF), detail, status);
    }
    if (status >= 500 || status == 408) {
      throw JiraCallFailed.retry(wait.orElse(null), detail, status);
    }
    if (status == 401) {
      throw JiraCallFailed.failed(detail + " (Jira rejected the credentials: check the email and API token,"
          + " or the personal access token on Data Center)", status);
    }
    if (status == 403) {
      throw JiraCallFailed.failed(detail + " (the Jira account lacks a permission in this project)", status);
    }
    throw JiraCallFailed.failed(detail, status);
  }

  private static Optional<Duration> seconds(String header) {
    try {
      return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  static JsonObject parse(String body) {
    try (JsonReader reader = Json.createReader(new StringReader(body))) {
      return reader.readObject();
    }
  }
}
