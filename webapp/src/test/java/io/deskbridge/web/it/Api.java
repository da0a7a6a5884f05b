package io.deskbridge.web.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** A thin HTTP client for the API under test; every call returns the status, headers and JSON. */
public final class Api {

  /** The server under test is started with this request limit (the default is 16 MB). */
  static final long MAX_REQUEST_BYTES = 4L * 1024 * 1024;
  static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Path log;
  // HTTP/1.1 as curl and most integrations speak it over plain http (no h2c upgrade).
  private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5)).build();

  Api(URI base, Path log) {
    this.base = base;
    this.log = log;
  }

  /** The server's address, for callers that speak to it without this class (a vendor's webhook). */
  public String baseUrl() {
    String s = base.toString();
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  public String adminToken() {
    return DeskbridgeServer.ADMIN_TOKEN;
  }

  public String serverLog() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Reply get(String path, String token) {
    return send(request(path, token).GET());
  }

  public Reply delete(String path, String token) {
    return send(request(path, token).DELETE());
  }

  public Reply post(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Reply put(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Reply patch(String path, String token, Object body) {
    return send(request(path, token).header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(json(body))));
  }

  /** For requests the helpers above cannot express: raw bodies, odd headers and methods. */
  public Reply send(String method, String path, String token, Map<String, String> headers, String body) {
    HttpRequest.Builder builder = request(path, token)
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  public Reply sendBytes(String method, String path, String token, Map<String, String> headers, byte[] body) {
    // Expect: 100-continue, as a well-behaved client of large uploads: the server can refuse
    // before the body is sent instead of closing the connection under it.
    HttpRequest.Builder builder = request(path, token).expectContinue(true)
        .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(builder::header);
    return send(builder);
  }

  public byte[] download(String path, String token) {
    return downloadWith(path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token)).body();
  }

  /** A GET whose answer is kept as bytes (a file), sent with these headers instead of a bearer token. */
  public HttpResponse<byte[]> downloadWith(String path, Map<String, String> headers) {
    HttpRequest.Builder builder = request(path, null).GET();
    headers.forEach(builder::header);
    try {
      return client.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** A slug no other test uses, so classes sharing the server never see each other's data. */
  public static String uniqueSlug(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private HttpRequest.Builder request(String path, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  private Reply send(HttpRequest.Builder builder) {
    try {
      HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String json(Object body) {
    try {
      return body instanceof String s ? s : JSON.writeValueAsString(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One HTTP answer. */
  public record Reply(int status, java.net.http.HttpHeaders headers, String raw) {

    public JsonNode json() {
      try {
        return JSON.readTree(raw);
      } catch (IOException e) {
        throw new AssertionError("Not JSON (" + status + "): " + raw, e);
      }
    }

    public String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    public long id() {
      return json().get("id").asLong();
    }

    @Override
    public String toString() {
      return status + " " + raw;
    }
  }
}
