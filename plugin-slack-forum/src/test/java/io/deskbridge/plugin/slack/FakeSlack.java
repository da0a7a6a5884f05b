package io.deskbridge.plugin.slack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.slack.api.app_backend.SlackSignature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Slack's Web API and Events API on 127.0.0.1, as the reference describes them: a bot token checked
 * on every call, {@code ok:false} errors with HTTP 200, channels by id or {@code #name}, messages and
 * their threads, {@code chat.postMessage} limited to about one a second per channel (429 with
 * {@code Retry-After} and {@code ratelimited}), and an event sender signing with the SDK's own v0
 * generator, retrying with {@code X-Slack-Retry-Num}. Every request is checked against Slack's
 * published document ({@link #specViolations()}); a violating one is answered 400. Used by the
 * module's tests and the webapp's ITs.
 */
public final class FakeSlack implements AutoCloseable {

  public static final String BOT_TOKEN = "xoxb-deskbridge-test";
  public static final String SIGNING_SECRET = "slack-signing-s3cret";
  public static final String FORUM = "C0FORUM";
  public static final String BOT_USER = "U0BOT";
  public static final String BOT_ID = "B0BOT";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, String> channelNames = new ConcurrentHashMap<>(Map.of("forum", FORUM,
      "billing-forum", "C0BILLING"));
  /** channel → messages in order, top-level and replies. */
  private final Map<String, List<ObjectNode>> messages = new ConcurrentHashMap<>();
  private final Map<String, ObjectNode> users = new ConcurrentHashMap<>();
  private final Map<String, Long> lastPost = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicLong clock = new AtomicLong(1_764_237_600_000_000L);
  private final AtomicInteger throttled = new AtomicInteger();
  private final AtomicInteger events = new AtomicInteger(100);
  private volatile int retryAfterSeconds = 1;
  private volatile String eventsUrl;

  public FakeSlack() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/api/", this::serve);
    server.start();
    addUser("U0ADA", "ada", "Ada L", "Ada");
  }

  /** The Web API base URL, as {@code SlackConfig#setMethodsEndpointUrlPrefix} wants it. */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
  }

  // ---- what tests arrange ------------------------------------------------------------------

  public void addUser(String id, String handle, String realName, String displayName) {
    ObjectNode user = JSON.createObjectNode().put("id", id).put("team_id", "T0AB").put("name", handle)
        .put("real_name", realName).put("is_bot", false).put("deleted", false);
    user.putObject("profile").put("display_name", displayName).put("real_name", realName);
    users.put(id, user);
  }

  /** The next {@code count} Web API calls are answered 429 with {@code Retry-After: seconds}. */
  public void throttleNext(int count, int seconds) {
    retryAfterSeconds = seconds;
    throttled.set(count);
  }

  public void deliverEventsTo(String url) {
    this.eventsUrl = url;
  }

  // ---- what tests check ----------------------------------------------------------------------

  /** {@code "chat.postMessage C0FORUM"}-style lines, one per call, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  public long calls(String method) {
    return requests.stream().filter(r -> r.startsWith(method + " ") || r.equals(method)).count();
  }

  public List<String> specViolations() {
    return List.copyOf(violations);
  }

  /** The channel's top-level messages, oldest first. */
  public List<ObjectNode> topLevel(String channel) {
    return messages.getOrDefault(channel, List.of()).stream()
        .filter(m -> !m.has("thread_ts") || m.get("thread_ts").asText().equals(m.get("ts").asText())).toList();
  }

  public Optional<ObjectNode> message(String channel, String ts) {
    return messages.getOrDefault(channel, List.of()).stream().filter(m -> m.get("ts").asText().equals(ts))
        .findFirst();
  }

  // ---- events: a colleague writes in Slack -----------------------------------------------------

  /** A colleague replies in the thread of {@code parentTs}; the event is delivered once. */
  public HttpResponse<String> reply(String channel, String parentTs, String user, String text) {
    ObjectNode event = threadMessage(channel, parentTs, user, text);
    return send(wrap(event, "Ev" + events.incrementAndGet()), 0);
  }

  public ObjectNode threadMessage(String channel, String parentTs, String user, String text) {
    String ts = nextTs();
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("channel", channel)
        .put("channel_type", "channel").put("user", user).put("text", text).put("ts", ts)
        .put("thread_ts", parentTs).put("parent_user_id", BOT_USER).put("event_ts", ts);
    ObjectNode stored = message.deepCopy();
    stored.remove(List.of("channel", "channel_type", "event_ts"));
    messages.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(stored);
    return message;
  }

  public ObjectNode wrap(ObjectNode event, String eventId) {
    ObjectNode wrapper = JSON.createObjectNode().put("token", "legacy-verification-token").put("team_id", "T0AB")
        .put("api_app_id", "A0APP").put("type", "event_callback").put("event_id", eventId)
        .put("event_time", System.currentTimeMillis() / 1000);
    wrapper.putArray("authorizations").addObject().put("team_id", "T0AB").put("user_id", BOT_USER)
        .put("is_bot", true);
    wrapper.set("event", event);
    return wrapper;
  }

  /** Delivers a payload signed now, as Slack's {@code retryNum}-th retry when above 0. */
  public HttpResponse<String> send(JsonNode payload, int retryNum) {
    return sendSigned(payload.toString(), System.currentTimeMillis() / 1000, null, retryNum);
  }

  /**
   * @param signature null: the signature Slack computes with the signing secret
   */
  public HttpResponse<String> sendSigned(String body, long timestamp, String signature, int retryNum) {
    String sig = signature != null ? signature
        : new SlackSignature.Generator(SIGNING_SECRET).generate(Long.toString(timestamp), body);
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(eventsUrl))
        .header("Content-Type", "application/json")
        .header(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, Long.toString(timestamp))
        .header(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, sig)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (retryNum > 0) {
      request.header("X-Slack-Retry-Num", Integer.toString(retryNum)).header("X-Slack-Retry-Reason",
          "http_timeout");
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  // ---- the Web API ---------------------------------------------------------------------------

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestURI().getPath().substring("/api".length());
      String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String contentType = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Content-Type"))
          .orElse("application/x-www-form-urlencoded");
      Map<String, String> form = form(raw);
      String auth = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("");
      String token = auth.startsWith("Bearer ") ? auth.substring(7) : form.getOrDefault("token", "");
      List<String> problems = SlackSpec.violations(method, token, contentType, raw, form);
      requests.add(method.substring(1) + (form.containsKey("channel") ? " " + form.get("channel") : ""));
      if (!problems.isEmpty()) {
        violations.addAll(problems);
        respond(exchange, 400, error("invalid_arguments"), null);
        return;
      }
      if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        respond(exchange, 429, error("ratelimited"), retryAfterSeconds);
        return;
      }
      if (!BOT_TOKEN.equals(token)) {
        respond(exchange, 200, error(token.isEmpty() ? "not_authed" : "invalid_auth"), null);
        return;
      }
      ObjectNode answer = switch (method) {
        case "/chat.postMessage" -> postMessage(form);
        case "/chat.update" -> update(form);
        case "/reactions.add" -> react(form);
        case "/users.info" -> userInfo(form);
        case "/conversations.replies" -> replies(form);
        case "/auth.test" -> JSON.createObjectNode().put("ok", true).put("url", "https://acme.slack.com/")
            .put("team", "Acme").put("user", "deskbridge").put("team_id", "T0AB").put("user_id", BOT_USER)
            .put("bot_id", BOT_ID);
        default -> error("unknown_method");
      };
      if (answer.has("retry_after")) {
        int wait = answer.get("retry_after").asInt();
        respond(exchange, 429, error("ratelimited"), wait);
        return;
      }
      respond(exchange, 200, answer, null);
    } catch (RuntimeException e) {
      respond(exchange, 500, error("fatal_error"), null);
    }
  }

  private synchronized ObjectNode postMessage(Map<String, String> form) {
    Optional<String> channel = channel(form.get("channel"));
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    if (form.getOrDefault("text", "").isBlank() && !form.containsKey("blocks")) {
      return error("no_text");
    }
    long now = System.currentTimeMillis();
    Long last = lastPost.get(channel.get());
    if (last != null && now - last < 1000) {
      return JSON.createObjectNode().put("retry_after", 1);
    }
    lastPost.put(channel.get(), now);
    String ts = nextTs();
    ObjectNode message = JSON.createObjectNode().put("type", "message").put("user", BOT_USER)
        .put("bot_id", BOT_ID).put("text", form.getOrDefault("text", "")).put("ts", ts);
    if (form.containsKey("blocks")) {
      message.set("blocks", parse(form.get("blocks")));
    }
    if (form.containsKey("thread_ts")) {
      message.put("thread_ts", form.get("thread_ts"));
    }
    messages.computeIfAbsent(channel.get(), c -> new CopyOnWriteArrayList<>()).add(message);
    ObjectNode ok = JSON.createObjectNode().put("ok", true).put("channel", channel.get()).put("ts", ts);
    ok.set("message", message.deepCopy());
    return ok;
  }

  private synchronized ObjectNode update(Map<String, String> form) {
    Optional<String> channel = channel(form.get("channel"));
    Optional<ObjectNode> message = channel.flatMap(c -> message(c, form.get("ts")));
    if (message.isEmpty()) {
      return error(channel.isEmpty() ? "channel_not_found" : "message_not_found");
    }
    if (!BOT_USER.equals(message.get().path("user").asText())) {
      return error("cant_update_message");
    }
    message.get().put("text", form.getOrDefault("text", "")).put("edited", true);
    if (form.containsKey("blocks")) {
      message.get().set("blocks", parse(form.get("blocks")));
    }
    return JSON.createObjectNode().put("ok", true).put("channel", channel.get()).put("ts", form.get("ts"))
        .put("text", form.getOrDefault("text", ""));
  }

  private synchronized ObjectNode react(Map<String, String> form) {
    Optional<ObjectNode> message = channel(form.get("channel")).flatMap(c -> message(c, form.get("timestamp")));
    if (message.isEmpty()) {
      return error("message_not_found");
    }
    String name = form.get("name");
    if (name.contains(":")) {
      return error("invalid_name");
    }
    ArrayNode reactions = message.get().has("reactions") ? (ArrayNode) message.get().get("reactions")
        : message.get().putArray("reactions");
    for (JsonNode r : reactions) {
      if (r.get("name").asText().equals(name)) {
        return error("already_reacted");
      }
    }
    reactions.addObject().put("name", name).put("count", 1).putArray("users").add(BOT_USER);
    return JSON.createObjectNode().put("ok", true);
  }

  private ObjectNode userInfo(Map<String, String> form) {
    ObjectNode user = users.get(form.getOrDefault("user", ""));
    if (user == null) {
      return error("user_not_found");
    }
    ObjectNode ok = JSON.createObjectNode().put("ok", true);
    ok.set("user", user.deepCopy());
    return ok;
  }

  private ObjectNode replies(Map<String, String> form) {
    Optional<String> channel = channel(form.get("channel"));
    if (channel.isEmpty()) {
      return error("channel_not_found");
    }
    String ts = form.getOrDefault("ts", "");
    ObjectNode ok = JSON.createObjectNode().put("ok", true).put("has_more", false);
    ArrayNode list = ok.putArray("messages");
    messages.getOrDefault(channel.get(), List.of()).stream().filter(m -> m.get("ts").asText().equals(ts)
        || m.path("thread_ts").asText().equals(ts)).forEach(m -> list.add(m.deepCopy()));
    if (list.isEmpty()) {
      return error("thread_not_found");
    }
    ok.putObject("response_metadata").put("next_cursor", "");
    return ok;
  }

  private Optional<String> channel(String given) {
    if (given == null) {
      return Optional.empty();
    }
    if (given.startsWith("#")) {
      return Optional.ofNullable(channelNames.get(given.substring(1)));
    }
    return channelNames.containsValue(given) ? Optional.of(given) : Optional.ofNullable(channelNames.get(given));
  }

  private String nextTs() {
    long micros = clock.addAndGet(100);
    return String.format("%d.%06d", micros / 1_000_000, micros % 1_000_000);
  }

  private static ObjectNode error(String code) {
    return JSON.createObjectNode().put("ok", false).put("error", code);
  }

  private static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> form(String raw) {
    Map<String, String> form = new LinkedHashMap<>();
    if (raw.isEmpty() || raw.startsWith("{")) {
      return form;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      form.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return form;
  }

  private static void respond(HttpExchange exchange, int status, ObjectNode body, Integer retryAfter)
      throws IOException {
    byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    if (retryAfter != null) {
      exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfter));
    }
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
