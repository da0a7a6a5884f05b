package io.deskbridge.plugin.bitrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Bitrix24 portal's classic REST on 127.0.0.1, as the reference describes it: inbound-webhook
 * paths and OAuth {@code auth} tokens that expire ({@code expired_token}), an OAuth server with
 * single-use refresh tokens, stateful contacts, leads, deals and timeline comments (all values
 * answered as strings), lists of 50 with {@code start}/{@code next}, {@code batch} with
 * {@code result_error} and {@code halt}, the leaky bucket (2 per second, 50 deep) answering 503
 * QUERY_LIMIT_EXCEEDED, and a sender of form-encoded events with {@code auth[application_token]}.
 * A test may hold {@code batch} answers to kill its caller while the portal has done the work.
 * Used by the module's tests and by the webapp's ITs.
 */
public final class FakeBitrix24 implements AutoCloseable {

  public static final String WEBHOOK_USER = "1";
  public static final String CLIENT_ID = "local.5f1a2b3c4d5e6.12345678";
  public static final String CLIENT_SECRET = "fake-application-key";
  public static final String APPLICATION_TOKEN = "51856fefc120afa4b628cc82d3935cce";
  public static final String DOMAIN = "acme.bitrix24.com";
  public static final int BUCKET_SIZE = 50;
  public static final double DRAIN_PER_SECOND = 2;
  public static final int PAGE = 50;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern WEBHOOK_PATH = Pattern.compile("/rest/(\\d+)/([^/]+)/([\\w.]+?)(?:\\.json)?/?");
  private static final Pattern OAUTH_PATH = Pattern.compile("/rest/([\\w.]+?)(?:\\.json)?/?");
  private static final Pattern RESULT_REF = Pattern.compile("\\$result\\[(\\w[\\w-]*)](?:\\[(\\w+)])?");

  /** A refusal in Bitrix24's shape: {@code {error, error_description}} with its HTTP status. */
  static final class Refusal extends RuntimeException {
    final int status;
    final String error;

    Refusal(int status, String error, String description) {
      super(description, null, false, false);
      this.status = status;
      this.error = error;
    }
  }

  private final HttpServer server;
  private final String webhookCode = "k3x9" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  private final PortalRecords records = new PortalRecords();
  private final Map<String, Long> accessTokens = new ConcurrentHashMap<>();
  private final Set<String> refreshTokens = new HashSet<>();
  private final Map<String, Integer> failingComments = new ConcurrentHashMap<>();
  private final Set<String> timeLimited = ConcurrentHashMap.newKeySet();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger overflows = new AtomicInteger();
  private final AtomicInteger lostAnswers = new AtomicInteger();
  private final List<String> calls = new ArrayList<>();
  private final List<Long> requestTimes = new ArrayList<>();
  private double bucket;
  private double fullest;
  private long drainedAt = System.nanoTime();
  private volatile int tokenLifetimeSeconds = 3600;
  private volatile long batchAnswerDelayMillis;
  private final AnswerHold batchHold = new AnswerHold();
  private final Map<String, String> connectors = new ConcurrentHashMap<>();
  private final Set<String> activeLines = ConcurrentHashMap.newKeySet();
  private final List<JsonNode> lineMessages = new ArrayList<>();
  private final Map<String, Long> imChats = new ConcurrentHashMap<>();
  private final List<JsonNode> deliveryConfirmations = new ArrayList<>();
  private final List<String> boundEvents = new ArrayList<>();
  private final AtomicInteger imMessageIds = new AtomicInteger(9000);

  public FakeBitrix24() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::serve);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The inbound webhook's root, as "Developer resources → Inbound webhook" shows it. */
  public String webhookUrl() {
    return url() + "/rest/" + WEBHOOK_USER + "/" + webhookCode + "/";
  }

  /** The REST root an OAuth app calls ({@code client_endpoint}). */
  public String restUrl() {
    return url() + "/rest/";
  }

  // ---- what tests arrange ----

  /** An app's tokens, as ONAPPINSTALL hands them over: {access, refresh}. */
  public synchronized String[] issueTokens() {
    String access = "acc" + UUID.randomUUID().toString().replace("-", "");
    String refresh = "ref" + UUID.randomUUID().toString().replace("-", "");
    accessTokens.put(access, System.currentTimeMillis() + tokenLifetimeSeconds * 1000L);
    refreshTokens.add(refresh);
    return new String[] {access, refresh};
  }

  /** Tokens issued from now on live this long instead of Bitrix24's hour. */
  public void tokenLifetime(java.time.Duration lifetime) {
    tokenLifetimeSeconds = (int) lifetime.toSeconds();
  }

  /** Every access token issued so far expires now, as an hour after it was issued. */
  public void expireAccessTokens() {
    accessTokens.replaceAll((t, until) -> 0L);
  }

  /** The next comment whose text contains each fragment fails once inside its batch (INTERNAL_SERVER_ERROR). */
  public void failCommentsOnce(List<String> fragments) {
    fragments.forEach(f -> failingComments.put(f, 1));
  }

  /** The method's ten-minute time budget is spent: it answers 429 OPERATION_TIME_LIMIT until lifted. */
  public void exhaustTimeBudget(String method, boolean spent) {
    if (spent) {
      timeLimited.add(method);
    } else {
      timeLimited.remove(method);
    }
  }

  /** Each {@code batch} is carried out at once but answered only after this long (a slow portal). */
  public void delayBatchAnswers(java.time.Duration delay) {
    batchAnswerDelayMillis = delay.toMillis();
  }

  /**
   * From now on each {@code batch} is carried out but not answered until {@link #releaseBatches()}:
   * its comments are on the timeline while the caller still waits, the moment a crash makes uncertain.
   */
  public void holdBatches() {
    batchHold.hold();
  }

  /** Whether a batch was carried out and is held within {@code wait}. */
  public boolean awaitHeldBatch(java.time.Duration wait) throws InterruptedException {
    return batchHold.awaitHeld(wait);
  }

  /** Answers the held batches (a caller that died never reads the answer), and the next ones at once. */
  public void releaseBatches() {
    batchHold.release();
  }

  /** Fills the bucket, as another integration on the same address would. */
  public synchronized void fillBucket() {
    drain();
    bucket = BUCKET_SIZE;
  }

  /** The next {@code n} API requests are carried out but their answers are lost (a 502 from the proxy). */
  public void loseAnswers(int n) {
    lostAnswers.set(n);
  }

  /** Someone moved the record in Bitrix24's kanban. */
  public void moveToStage(String type, long id, String stage) {
    records.update(type, id, JSON.createObjectNode().put(type.equals("deal") ? "STAGE_ID" : "STATUS_ID", stage));
  }

  // ---- what tests check ----

  public List<JsonNode> contacts() {
    return records.all("contact");
  }

  public List<JsonNode> leads() {
    return records.all("lead");
  }

  public List<JsonNode> deals() {
    return records.all("deal");
  }

  /** The comments of a lead's or deal's timeline, oldest first. */
  public List<String> comments(String type, long id) {
    return records.comments(type, id).stream().map(c -> c.path("COMMENT").asText()).toList();
  }

  public int refreshes() {
    return refreshes.get();
  }

  /** How many requests the bucket refused with QUERY_LIMIT_EXCEEDED. */
  public int overflows() {
    return overflows.get();
  }

  /** When each REST request reached the bucket ({@link System#nanoTime()}), taken or refused, oldest first. */
  public synchronized List<Long> requestTimes() {
    return List.copyOf(requestTimes);
  }

  /** The fullest the bucket ever was. */
  public synchronized double fullestBucket() {
    return fullest;
  }

  /** The REST methods called, batch sub-commands included (as {@code batch>crm.timeline.comment.add}). */
  public synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** The sizes of the batches received, in order. */
  public synchronized List<Integer> batchSizes() {
    return List.copyOf(batchSizes);
  }

  private final List<Integer> batchSizes = new ArrayList<>();

  /** Registered connectors: id → name. */
  public Map<String, String> connectors() {
    return Map.copyOf(connectors);
  }

  /** Whether the connector is switched on for the open line. */
  public boolean isActive(String connector, String line) {
    return activeLines.contains(connector + "@" + line);
  }

  /** The customer messages the connector brought into open lines, with their LINE and im CHAT_ID. */
  public synchronized List<JsonNode> lineMessages() {
    return List.copyOf(lineMessages);
  }

  /** Every {@code imconnector.send.status.delivery} item received, with its CONNECTOR and LINE. */
  public synchronized List<JsonNode> deliveryConfirmations() {
    return List.copyOf(deliveryConfirmations);
  }

  /** "EVENT handlerUrl" for each event.bind. */
  public synchronized List<String> boundEvents() {
    return List.copyOf(boundEvents);
  }

  // ---- events Bitrix24 sends ----

  /** An event.bind delivery: form-encoded with PHP keys, the record's id only, and the application token. */
  public String eventForm(String event, long id, String applicationToken) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event", event);
    f.put("event_handler_id", 185);
    f.put("data[FIELDS][ID]", id);
    f.put("ts", System.currentTimeMillis() / 1000);
    f.put("auth[domain]", DOMAIN);
    f.put("auth[client_endpoint]", "https://" + DOMAIN + "/rest/");
    f.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
    f.put("auth[member_id]", "d897063e1ce7c5eb9f04b9751eef5915");
    f.put("auth[application_token]", applicationToken);
    return form(f);
  }

  /**
   * ONIMCONNECTORMESSAGEADD: an operator answered in the open-lines chat of the connector's chat id.
   * Bitrix24 prefixes the text with the operator's name in bold.
   */
  public String operatorReplyForm(String connector, String line, String chatId, String operator, String text,
      String applicationToken) {
    long imChat = imChats.computeIfAbsent(chatId, c -> 500L + imChats.size());
    int imMessage = imMessageIds.incrementAndGet();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event", "ONIMCONNECTORMESSAGEADD");
    f.put("event_handler_id", 311);
    f.put("data[CONNECTOR]", connector);
    f.put("data[LINE]", line);
    f.put("data[MESSAGES][0][im][chat_id]", imChat);
    f.put("data[MESSAGES][0][im][message_id]", imMessage);
    f.put("data[MESSAGES][0][message][id]", imMessage);
    f.put("data[MESSAGES][0][message][text]", "[b]" + operator + ":[/b] " + text);
    f.put("data[MESSAGES][0][chat][id]", chatId);
    f.put("ts", System.currentTimeMillis() / 1000);
    f.put("auth[domain]", DOMAIN);
    f.put("auth[client_endpoint]", "https://" + DOMAIN + "/rest/");
    f.put("auth[member_id]", "d897063e1ce7c5eb9f04b9751eef5915");
    f.put("auth[application_token]", applicationToken);
    return form(f);
  }

  /** ONAPPUNINSTALL: no tokens, only the application token to prove it. */
  public String uninstallForm(String applicationToken) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event", "ONAPPUNINSTALL");
    f.put("data[CLEAN]", 0);
    f.put("ts", System.currentTimeMillis() / 1000);
    f.put("auth[domain]", DOMAIN);
    f.put("auth[member_id]", "d897063e1ce7c5eb9f04b9751eef5915");
    f.put("auth[application_token]", applicationToken);
    return form(f);
  }

  /** ONAPPINSTALL with fresh tokens of the app. */
  public String installForm(String applicationToken) {
    String[] tokens = issueTokens();
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("event", "ONAPPINSTALL");
    f.put("data[VERSION]", 1);
    f.put("data[LANGUAGE_ID]", "en");
    f.put("ts", System.currentTimeMillis() / 1000);
    f.put("auth[access_token]", tokens[0]);
    f.put("auth[expires_in]", tokenLifetimeSeconds);
    f.put("auth[scope]", "crm");
    f.put("auth[domain]", DOMAIN);
    f.put("auth[server_endpoint]", "https://oauth.bitrix.info/rest/");
    f.put("auth[status]", "L");
    f.put("auth[client_endpoint]", "https://" + DOMAIN + "/rest/");
    f.put("auth[member_id]", "d897063e1ce7c5eb9f04b9751eef5915");
    f.put("auth[user_id]", 1);
    f.put("auth[refresh_token]", tokens[1]);
    f.put("auth[application_token]", applicationToken);
    return form(f);
  }

  /** Posts a form the way Bitrix24's queue server does; @return the handler's HTTP status. */
  public int send(String hookUrl, String form) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hookUrl))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    batchHold.release();
    server.stop(0);
  }

  // ---- the API ----

  private record Answer(int status, String body) {}

  /** Answers kept back while held; counts those waiting so a test knows the work is done. */
  private static final class AnswerHold {

    private boolean holding;
    private int held;

    synchronized void hold() {
      holding = true;
    }

    synchronized void release() {
      holding = false;
      notifyAll();
    }

    /** Returns at once unless holding, else once released. */
    synchronized void await() {
      if (!holding) {
        return;
      }
      held++;
      notifyAll();
      try {
        while (holding) {
          wait();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        held--;
      }
    }

    synchronized boolean awaitHeld(java.time.Duration wait) throws InterruptedException {
      long deadline = System.nanoTime() + wait.toNanos();
      while (held == 0) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        java.util.concurrent.TimeUnit.NANOSECONDS.timedWait(this, left);
      }
      return true;
    }
  }

  private void serve(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      answer = answer(exchange.getRequestMethod(), exchange.getRequestURI(),
          exchange.getRequestHeaders().getFirst("Content-Type"), body);
    } catch (Refusal r) {
      answer = error(r);
    } catch (RuntimeException e) {
      answer = error(new Refusal(500, "INTERNAL_SERVER_ERROR", e.toString()));
    }
    boolean isBatch = exchange.getRequestURI().getPath().matches(".*/batch(\\.json)?/?");
    long delay = batchAnswerDelayMillis;
    if (delay > 0 && isBatch) {
      try {
        Thread.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (isBatch && answer.status() == 200) {
      batchHold.await();
    }
    if (answer.status() == 200 && !exchange.getRequestURI().getPath().startsWith("/oauth")
        && lostAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      answer = new Answer(502, "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type",
        answer.body().startsWith("<") ? "text/html" : "application/json; charset=utf-8");
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private Answer answer(String method, URI uri, String contentType, String body) {
    String path = uri.getPath();
    if (path.equals("/oauth/token/") || path.equals("/oauth/token")) {
      return token(PhpParams.parse(uri.getRawQuery()));
    }
    ObjectNode params = params(uri.getRawQuery(), contentType, body);
    Matcher m;
    String restMethod;
    if ((m = WEBHOOK_PATH.matcher(path)).matches()) {
      if (!m.group(1).equals(WEBHOOK_USER) || !m.group(2).equals(webhookCode)) {
        throw new Refusal(401, "NO_AUTH_FOUND", "Wrong authorization data");
      }
      restMethod = m.group(3);
      spendBucket();
      if (restMethod.startsWith("imconnector.")) {
        throw new Refusal(401, "ACCESS_DENIED", "Application context required");
      }
    } else if ((m = OAUTH_PATH.matcher(path)).matches()) {
      restMethod = m.group(1);
      spendBucket();
      checkToken(params.path("auth").asText(""));
    } else {
      throw new Refusal(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }
    params.remove("auth");
    record(restMethod);
    ObjectNode envelope = restMethod.equals("batch") ? batch(params) : run(restMethod, params, true);
    envelope.putObject("time").put("start", System.currentTimeMillis() / 1000.0).put("duration", 0.01)
        .put("operating", 0).put("operating_reset_at", System.currentTimeMillis() / 1000 + 600);
    return new Answer(200, envelope.toString());
  }

  /** The whole answer of one method: {@code result}, and {@code next}/{@code total} for lists. */
  private ObjectNode run(String method, ObjectNode params, boolean direct) {
    if (timeLimited.contains(method)) {
      throw new Refusal(429, "OPERATION_TIME_LIMIT", "Method is blocked due to operation time limit.");
    }
    if (method.equals("crm.timeline.comment.add")) {
      failOnce(params.path("fields").path("COMMENT").asText(""));
    }
    ObjectNode envelope = JSON.createObjectNode();
    if (method.equals("profile")) {
      envelope.putObject("result").put("ID", WEBHOOK_USER).put("ADMIN", true).put("NAME", "Ivan")
          .put("LAST_NAME", "Admin");
      return envelope;
    }
    if (method.equals("batch")) {
      throw new Refusal(400, "ERROR_BATCH_METHOD_NOT_ALLOWED", "Method is not allowed for batch usage");
    }
    if (method.startsWith("imconnector.") || method.equals("event.bind")) {
      return openLines(method, params, envelope);
    }
    return records.call(method, params, envelope);
  }

  /** The connector methods of an app, and event.bind for its handlers. */
  private synchronized ObjectNode openLines(String method, ObjectNode params, ObjectNode envelope) {
    switch (method) {
      case "event.bind" -> {
        String bound = params.path("event").asText().toUpperCase(java.util.Locale.ROOT) + " " + params.path("handler").asText();
        if (boundEvents.contains(bound)) {
          throw new Refusal(400, "ERROR_CORE", "Handler already binded");
        }
        boundEvents.add(bound);
        envelope.put("result", true);
      }
      case "imconnector.register" -> {
        String id = params.path("ID").asText("");
        if (id.isEmpty() || params.path("NAME").asText("").isEmpty() || !params.path("ICON").has("DATA_IMAGE")) {
          throw new Refusal(400, "ERROR_ARGUMENT", "ID, NAME and ICON[DATA_IMAGE] are required");
        }
        connectors.put(id, params.path("NAME").asText());
        envelope.putObject("result").put("result", true);
      }
      case "imconnector.activate" -> {
        String connector = params.path("CONNECTOR").asText("");
        if (!connectors.containsKey(connector)) {
          throw new Refusal(400, "CONNECTOR_NOT_FOUND", "Connector " + connector + " is not registered");
        }
        String key = connector + "@" + params.path("LINE").asText();
        if (params.path("ACTIVE").asInt(0) == 1) {
          activeLines.add(key);
        } else {
          activeLines.remove(key);
        }
        envelope.put("result", true);
      }
      case "imconnector.send.messages" -> {
        String line = params.path("LINE").asText();
        if (!activeLines.contains(params.path("CONNECTOR").asText("") + "@" + line)) {
          throw new Refusal(400, "CONNECTOR_NOT_ACTIVE", "The connector is not active on line " + line);
        }
        ObjectNode data = envelope.putObject("result").put("SUCCESS", true).putObject("DATA");
        var results = data.putArray("RESULT");
        for (JsonNode message : params.path("MESSAGES")) {
          String name = message.path("user").path("name").asText("");
          if (!name.matches("[\\p{L} '\\-]{1,25}")) {
            results.addObject().put("SUCCESS", false).putArray("ERRORS").addObject().put("code", "USER_NAME")
                .put("message", "Only letters, spaces, hyphens and apostrophes, at most 25");
            continue;
          }
          String chat = message.path("chat").path("id").asText();
          long imChat = imChats.computeIfAbsent(chat, c -> 500L + imChats.size());
          ObjectNode stored = ((ObjectNode) message.deepCopy()).put("LINE", line).put("CHAT_ID", imChat);
          lineMessages.add(stored);
          ObjectNode ok = results.addObject().put("SUCCESS", true);
          ok.putObject("session").put("ID", 700 + imChat).put("CHAT_ID", imChat);
        }
      }
      case "imconnector.send.status.delivery" -> {
        params.path("MESSAGES").forEach(m -> deliveryConfirmations.add(((ObjectNode) m.deepCopy())
            .put("CONNECTOR", params.path("CONNECTOR").asText()).put("LINE", params.path("LINE").asText())));
        envelope.putObject("result").put("SUCCESS", true);
      }
      default -> throw new Refusal(404, "ERROR_METHOD_NOT_FOUND", "Method not found!");
    }
    return envelope;
  }

  private ObjectNode batch(ObjectNode params) {
    JsonNode cmd = params.path("cmd");
    if (cmd.size() > 50) {
      throw new Refusal(400, "ERROR_BATCH_LENGTH_EXCEEDED", "Max batch length exceeded");
    }
    synchronized (this) {
      batchSizes.add(cmd.size());
    }
    boolean halt = params.path("halt").asInt(0) == 1 || params.path("halt").asText("").equals("true");
    ObjectNode results = JSON.createObjectNode();
    ObjectNode errors = JSON.createObjectNode();
    ObjectNode totals = JSON.createObjectNode();
    ObjectNode nexts = JSON.createObjectNode();
    for (Iterator<Map.Entry<String, JsonNode>> it = cmd.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> c = it.next();
      String command = substitute(c.getValue().asText(), results);
      int q = command.indexOf('?');
      String method = q < 0 ? command : command.substring(0, q);
      record("batch>" + method);
      try {
        ObjectNode answer = run(method, PhpParams.parse(q < 0 ? "" : command.substring(q + 1)), false);
        results.set(c.getKey(), answer.get("result"));
        if (answer.has("total")) {
          totals.set(c.getKey(), answer.get("total"));
        }
        if (answer.has("next")) {
          nexts.set(c.getKey(), answer.get("next"));
        }
      } catch (Refusal r) {
        errors.putObject(c.getKey()).put("error", r.error).put("error_description", r.getMessage());
        if (halt) {
          break;
        }
      }
    }
    ObjectNode envelope = JSON.createObjectNode();
    ObjectNode result = envelope.putObject("result");
    // Bitrix24 answers an empty map as a JSON array, a filled one as an object.
    result.set("result", results.isEmpty() ? JSON.createArrayNode() : results);
    result.set("result_error", errors.isEmpty() ? JSON.createArrayNode() : errors);
    result.set("result_total", totals.isEmpty() ? JSON.createArrayNode() : totals);
    result.set("result_next", nexts.isEmpty() ? JSON.createArrayNode() : nexts);
    result.set("result_time", JSON.createArrayNode());
    return envelope;
  }

  private static String substitute(String command, ObjectNode results) {
    Matcher m = RESULT_REF.matcher(command);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      JsonNode value = results.path(m.group(1));
      if (m.group(2) != null) {
        value = value.path(m.group(2));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value.asText("")));
    }
    return m.appendTail(out).toString();
  }

  private void failOnce(String comment) {
    for (Map.Entry<String, Integer> f : failingComments.entrySet()) {
      if (comment.contains(f.getKey()) && failingComments.remove(f.getKey(), f.getValue())) {
        throw new Refusal(500, "INTERNAL_SERVER_ERROR", "Internal server error");
      }
    }
  }

  private synchronized void spendBucket() {
    requestTimes.add(System.nanoTime());
    drain();
    if (bucket + 1 > BUCKET_SIZE) {
      overflows.incrementAndGet();
      throw new Refusal(503, "QUERY_LIMIT_EXCEEDED", "Too many requests");
    }
    bucket += 1;
    fullest = Math.max(fullest, bucket);
  }

  private void drain() {
    long now = System.nanoTime();
    bucket = Math.max(0, bucket - (now - drainedAt) / 1e9 * DRAIN_PER_SECOND);
    drainedAt = now;
  }

  private synchronized void record(String method) {
    calls.add(method);
  }

  private void checkToken(String token) {
    Long until = accessTokens.get(token);
    if (token.isEmpty()) {
      throw new Refusal(401, "NO_AUTH_FOUND", "Wrong authorization data");
    }
    if (until == null) {
      throw new Refusal(401, "invalid_token", "The access token provided is invalid.");
    }
    if (until < System.currentTimeMillis()) {
      throw new Refusal(401, "expired_token", "The access token provided has expired.");
    }
  }

  private synchronized Answer token(ObjectNode query) {
    if (!query.path("grant_type").asText().equals("refresh_token")) {
      return new Answer(400, "{\"error\":\"unsupported_grant_type\",\"error_description\":\"Unsupported grant\"}");
    }
    if (!CLIENT_ID.equals(query.path("client_id").asText())
        || !CLIENT_SECRET.equals(query.path("client_secret").asText())) {
      return new Answer(401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client\"}");
    }
    if (!refreshTokens.remove(query.path("refresh_token").asText())) {
      return new Answer(400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid refresh token\"}");
    }
    refreshes.incrementAndGet();
    String[] tokens = issueTokens();
    return new Answer(200, JSON.createObjectNode().put("access_token", tokens[0]).put("expires", 0)
        .put("expires_in", tokenLifetimeSeconds).put("scope", "crm").put("domain", DOMAIN)
        .put("server_endpoint", "https://oauth.bitrix.info/rest/").put("status", "L")
        .put("client_endpoint", "https://" + DOMAIN + "/rest/").put("member_id", "d897063e1ce7c5eb9f04b9751eef5915")
        .put("user_id", 1).put("refresh_token", tokens[1]).toString());
  }

  private static ObjectNode params(String rawQuery, String contentType, String body) {
    ObjectNode params = PhpParams.parse(rawQuery);
    if (body == null || body.isBlank()) {
      return params;
    }
    if (contentType != null && contentType.startsWith("application/json")) {
      try {
        JsonNode json = JSON.readTree(body);
        if (json instanceof ObjectNode o) {
          params.setAll(o);
        }
        return params;
      } catch (IOException e) {
        throw new Refusal(400, "INVALID_REQUEST", "Invalid JSON");
      }
    }
    params.setAll(PhpParams.parse(body));
    return params;
  }

  private static Answer error(Refusal r) {
    return new Answer(r.status, JsonNodeFactory.instance.objectNode().put("error", r.error)
        .put("error_description", r.getMessage()).toString());
  }

  private static String form(Map<String, Object> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    return s.toString();
  }

  /** PHP's bracketed parameters ({@code fields[PHONE][0][VALUE]=x}) as a JSON tree, lists as arrays. */
  static final class PhpParams {

    private PhpParams() {}

    static ObjectNode parse(String raw) {
      ObjectNode root = JSON.createObjectNode();
      if (raw == null || raw.isEmpty()) {
        return root;
      }
      for (String pair : raw.split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        int eq = pair.indexOf('=');
        String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        put(root, path(key), value);
      }
      return (ObjectNode) arrays(root);
    }

    private static List<String> path(String key) {
      List<String> path = new ArrayList<>();
      int open = key.indexOf('[');
      path.add(open < 0 ? key : key.substring(0, open));
      while (open >= 0) {
        int close = key.indexOf(']', open);
        if (close < 0) {
          break;
        }
        path.add(key.substring(open + 1, close));
        open = key.indexOf('[', close);
      }
      return path;
    }

    private static void put(ObjectNode node, List<String> path, String value) {
      ObjectNode at = node;
      for (int i = 0; i < path.size() - 1; i++) {
        String segment = path.get(i).isEmpty() ? Integer.toString(at.size()) : path.get(i);
        JsonNode child = at.get(segment);
        at = child instanceof ObjectNode o ? o : at.putObject(segment);
      }
      String last = path.get(path.size() - 1);
      at.put(last.isEmpty() ? Integer.toString(at.size()) : last, value);
    }

    private static JsonNode arrays(JsonNode node) {
      if (!(node instanceof ObjectNode object)) {
        return node;
      }
      boolean list = object.size() > 0;
      int i = 0;
      for (Iterator<String> names = object.fieldNames(); names.hasNext(); i++) {
        list &= names.next().equals(Integer.toString(i));
      }
      if (list) {
        ArrayNode array = JSON.createArrayNode();
        object.elements().forEachRemaining(e -> array.add(arrays(e)));
        return array;
      }
      ObjectNode copy = JSON.createObjectNode();
      object.fields().forEachRemaining(e -> copy.set(e.getKey(), arrays(e.getValue())));
      return copy;
    }
  }
}
