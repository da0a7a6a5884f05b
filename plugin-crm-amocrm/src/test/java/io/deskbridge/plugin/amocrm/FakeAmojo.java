package io.deskbridge.plugin.amocrm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * amoCRM's Chats API (amojo) on 127.0.0.1, as the reference describes it: every request must carry a
 * valid Date (15 minutes), Content-MD5 of the exact body and the X-Signature over method, MD5, type,
 * date and path; a channel connects to an account and gets a scope (gone after a reinstall); chats
 * and messages are kept per conversation id, a repeated msgid stored once; delivery statuses are
 * recorded; and managers' answers are sent to the channel's webhook signed over the raw body.
 */
public final class FakeAmojo implements AutoCloseable {

  public static final String CHANNEL_ID = "f90ba33d-c9d9-4993-a4f2-0c7e3a5d8f2b";
  public static final String CHANNEL_SECRET = "5a44c5dff55f3c15a4cce8d7c4b1b2b1a2e37a4d";

  /** One message of a chat, as a manager sees it in amoCRM's inbox. */
  public record ChatMessage(String msgid, String refId, String senderName, boolean fromClient, String text) {}

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CONNECT = Pattern.compile("/v2/origin/custom/([^/]+)/connect");
  private static final Pattern CHATS = Pattern.compile("/v2/origin/custom/([^/]+)/chats");
  private static final Pattern STATUS = Pattern.compile("/v2/origin/custom/([^/]+)/([^/]+)/delivery_status");
  private static final Pattern SEND = Pattern.compile("/v2/origin/custom/([^/]+)");

  private final HttpServer server;
  private final ChannelSignature signature = new ChannelSignature(CHANNEL_SECRET);
  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, String> chats = new LinkedHashMap<>();
  private final Map<String, List<ChatMessage>> messages = new LinkedHashMap<>();
  private final Map<String, List<Integer>> statuses = new LinkedHashMap<>();
  private final Map<String, String> statusErrors = new LinkedHashMap<>();
  private final List<String> rejected = new ArrayList<>();
  private volatile String scope;
  private volatile int connects;
  private String lastWebhook;

  public FakeAmojo() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/", this::serve);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  // ---- what tests arrange ----

  /** The integration was reinstalled: the account's scope is gone until the channel connects again. */
  public void reinstall() {
    scope = null;
  }

  /**
   * A manager answers in the chat of {@code conversationKey} (our conversation_id): amoCRM sends the
   * signed webhook once. @return the message id amoCRM gave the answer, and the webhook's HTTP status
   */
  public Sent managerReplies(String hookUrl, String conversationKey, String manager, String text) {
    String msgid = UUID.randomUUID().toString();
    ObjectNode body = JSON.createObjectNode().put("account_id", FakeAmoCrm.AMOJO_ID)
        .put("time", Instant.now().getEpochSecond());
    ObjectNode message = body.putObject("message");
    message.putObject("receiver").put("id", "client").put("client_id", "client");
    message.putObject("sender").put("id", UUID.randomUUID().toString()).put("name", manager);
    message.putObject("conversation").put("id", chatIdOf(conversationKey)).put("client_id", conversationKey);
    message.put("timestamp", Instant.now().getEpochSecond()).put("msec_timestamp", Instant.now().toEpochMilli());
    message.putObject("message").put("id", msgid).put("type", "text").put("text", text);
    String json = body.toString();
    synchronized (this) {
      lastWebhook = json;
    }
    return new Sent(msgid, post(hookUrl, json, signature.ofBody(json.getBytes(StandardCharsets.UTF_8))));
  }

  /** The last webhook sent again, byte for byte, as a replaying attacker (or proxy) would. */
  public int replayLastWebhook(String hookUrl) {
    String json;
    synchronized (this) {
      json = lastWebhook;
    }
    return post(hookUrl, json, signature.ofBody(json.getBytes(StandardCharsets.UTF_8)));
  }

  /** A webhook signed with another secret. */
  public int forgedReply(String hookUrl, String conversationKey, String text) {
    String json = "{\"account_id\":\"" + FakeAmoCrm.AMOJO_ID + "\",\"message\":{\"conversation\":{\"client_id\":\""
        + conversationKey + "\"},\"sender\":{\"name\":\"Mallory\"},\"message\":{\"id\":\"" + UUID.randomUUID()
        + "\",\"type\":\"text\",\"text\":\"" + text + "\"}}}";
    return post(hookUrl, json, new ChannelSignature("not-the-secret").ofBody(json.getBytes(StandardCharsets.UTF_8)));
  }

  public record Sent(String msgid, int status) {}

  // ---- what tests check ----

  public synchronized List<ChatMessage> messages(String conversationKey) {
    return List.copyOf(messages.getOrDefault(conversationKey, List.of()));
  }

  /** Our conversation ids of the chats amoCRM holds. */
  public synchronized List<String> conversationKeys() {
    return List.copyOf(chats.keySet());
  }

  public synchronized int chats() {
    return chats.size();
  }

  public synchronized String chatIdOf(String conversationKey) {
    return chats.get(conversationKey);
  }

  /** Delivery statuses reported for a message, in order (1 delivered, 2 read, -1 error). */
  public synchronized List<Integer> statuses(String msgid) {
    return List.copyOf(statuses.getOrDefault(msgid, List.of()));
  }

  public synchronized String statusError(String msgid) {
    return statusErrors.get(msgid);
  }

  /** Requests refused for a bad signature, with the reason. */
  public synchronized List<String> rejected() {
    return List.copyOf(rejected);
  }

  public int connects() {
    return connects;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- the API ----

  private void serve(HttpExchange exchange) throws IOException {
    byte[] body = exchange.getRequestBody().readAllBytes();
    Answer answer;
    try {
      answer = answer(exchange, body);
    } catch (RuntimeException e) {
      answer = new Answer(400, error(e.toString()));
    }
    byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(answer.status(), out.length);
    exchange.getResponseBody().write(out);
    exchange.close();
  }

  private record Answer(int status, String body) {}

  private synchronized Answer answer(HttpExchange exchange, byte[] body) throws IOException {
    String method = exchange.getRequestMethod();
    String path = exchange.getRequestURI().getRawPath();
    String refusal = signatureProblem(exchange, method, path, body);
    if (refusal != null) {
      rejected.add(refusal);
      return new Answer(403, error(refusal));
    }
    JsonNode in = JSON.readTree(body);
    Matcher m;
    if ((m = CONNECT.matcher(path)).matches()) {
      if (!m.group(1).equals(CHANNEL_ID)) {
        return new Answer(404, error("channel not found"));
      }
      if (!FakeAmoCrm.AMOJO_ID.equals(in.path("account_id").asText())) {
        return new Answer(400, error("account_id is not an amojo account id"));
      }
      connects++;
      scope = CHANNEL_ID + "_" + FakeAmoCrm.AMOJO_ID + "_" + connects;
      return new Answer(200, JSON.createObjectNode().put("account_id", FakeAmoCrm.AMOJO_ID)
          .put("scope_id", scope).put("title", in.path("title").asText())
          .put("hook_api_version", in.path("hook_api_version").asText("v1")).toString());
    }
    if ((m = STATUS.matcher(path)).matches()) {
      if (!m.group(1).equals(scope)) {
        return new Answer(404, error("scope not found"));
      }
      if (!m.group(2).equals(in.path("msgid").asText())) {
        return new Answer(400, error("msgid must match the path"));
      }
      statuses.computeIfAbsent(m.group(2), k -> new ArrayList<>()).add(in.path("delivery_status").asInt());
      if (in.has("error")) {
        statusErrors.put(m.group(2), in.path("error_code").asInt() + " " + in.path("error").asText());
      }
      return new Answer(200, "{}");
    }
    if ((m = CHATS.matcher(path)).matches()) {
      if (!m.group(1).equals(scope)) {
        return new Answer(404, error("scope not found"));
      }
      String key = in.path("conversation_id").asText();
      String chatId = chats.computeIfAbsent(key, k -> UUID.randomUUID().toString());
      ObjectNode out = JSON.createObjectNode().put("id", chatId);
      out.putObject("user").put("id", UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString())
          .put("client_id", in.path("user").path("id").asText()).put("name", in.path("user").path("name").asText());
      return new Answer(200, out.toString());
    }
    if ((m = SEND.matcher(path)).matches()) {
      if (!m.group(1).equals(scope)) {
        return new Answer(404, error("scope not found"));
      }
      JsonNode payload = in.path("payload");
      if (!"new_message".equals(in.path("event_type").asText()) || payload.path("msgid").asText().isEmpty()
          || payload.path("conversation_id").asText().isEmpty()) {
        return new Answer(400, error("event_type new_message with payload.msgid and conversation_id required"));
      }
      String key = payload.path("conversation_id").asText();
      String chatId = chats.computeIfAbsent(key, k -> UUID.randomUUID().toString());
      List<ChatMessage> chat = messages.computeIfAbsent(key, k -> new ArrayList<>());
      String refId = payload.path("msgid").asText();
      ChatMessage stored = chat.stream().filter(c -> c.refId().equals(refId)).findFirst().orElse(null);
      if (stored == null) {
        boolean fromClient = payload.path("receiver").isMissingNode();
        stored = new ChatMessage(UUID.randomUUID().toString(), refId, payload.path("sender").path("name").asText(),
            fromClient, payload.path("message").path("text").asText());
        chat.add(stored);
      }
      ObjectNode out = JSON.createObjectNode();
      out.putObject("new_message").put("conversation_id", chatId).put("msgid", stored.msgid()).put("ref_id", refId);
      return new Answer(200, out.toString());
    }
    return new Answer(404, error("no route " + method + " " + path));
  }

  /** Why the request's signature is not valid, or null when it is. */
  private String signatureProblem(HttpExchange exchange, String method, String path, byte[] body) {
    String date = exchange.getRequestHeaders().getFirst("Date");
    String md5 = exchange.getRequestHeaders().getFirst("Content-MD5");
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    String sent = exchange.getRequestHeaders().getFirst("X-Signature");
    if (date == null || md5 == null || sent == null || !ChannelSignature.CONTENT_TYPE.equals(type)) {
      return "Date, Content-Type application/json, Content-MD5 and X-Signature are required";
    }
    try {
      Instant at = ZonedDateTime.parse(date, ChannelSignature.DATE).toInstant();
      if (Duration.between(at, Instant.now()).abs().compareTo(Duration.ofMinutes(15)) > 0) {
        return "Date is more than 15 minutes away";
      }
    } catch (DateTimeParseException e) {
      return "Date is not RFC 2822: " + date;
    }
    if (!md5.equals(ChannelSignature.contentMd5(body))) {
      return "Content-MD5 does not match the body";
    }
    if (!sent.equals(signature.ofRequest(method, md5, date, path))) {
      return "X-Signature is invalid";
    }
    return null;
  }

  private int post(String url, String json, String signed) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
          .header("X-Signature", signed).POST(HttpRequest.BodyPublishers.ofString(json)).build(),
          HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String error(String detail) {
    return JSON.createObjectNode().put("error", detail).toString();
  }
}
