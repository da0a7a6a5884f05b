package io.deskbridge.plugin.jira;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Jira on 127.0.0.1, as the reference describes it, in the Cloud (REST v3, ADF, Basic email:token)
 * or the Data Center flavour (REST v2, wiki text, Bearer PAT): stateful issues, comments, transitions
 * between statuses of the three categories (with "Shipped", a custom status in {@code done}), remote
 * links upserted by globalId, label search ({@code /search/jql} on Cloud, where the old {@code /search}
 * answers 410), 429 with Retry-After, 401/403, 400 with an {@code errors} map, a create whose answer
 * is lost (504 after the issue exists), and a webhook sender signing with {@code X-Hub-Signature}.
 * Every request is checked against Atlassian's OpenAPI document ({@link #specViolations()}) and a
 * violating one is refused with 400. Used by the module's tests and the webapp's ITs.
 */
public final class FakeJira implements AutoCloseable {

  public enum Flavour { CLOUD, DATA_CENTER }

  public static final String EMAIL = "deskbridge@acme.example";
  public static final String API_TOKEN = "cloud-api-token";
  public static final String PAT = "dc-personal-access-token";
  public static final String PROJECT = "SUP";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> PRIORITIES = List.of("Highest", "High", "Medium", "Low", "Lowest");
  private static final Pattern ISSUE = Pattern.compile("/issue/([A-Z][A-Z0-9_]*-\\d+)(/[a-z]+)?");
  private static final Pattern LABEL = Pattern.compile("labels\\s*=\\s*\"([^\"]+)\"");

  /** A status of the fake's one workflow; the transition to it has the same id everywhere. */
  public record Status(String id, String name, String category, String transitionId) {}

  public static final List<Status> STATUSES = List.of(new Status("10000", "To Do", "new", "11"),
      new Status("3", "In Progress", "indeterminate", "21"), new Status("10001", "Done", "done", "31"),
      new Status("10002", "Shipped", "done", "41"));

  private final Flavour flavour;
  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final Map<String, ObjectNode> issues = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> comments = new LinkedHashMap<>();
  private final Map<String, List<ObjectNode>> remoteLinks = new LinkedHashMap<>();
  private final Map<String, String> requiredFields = new LinkedHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger(10040);
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile int retryAfterSeconds = 1;
  private volatile boolean forbidden;
  private volatile boolean searchLags;
  private volatile boolean loseCreateAnswer;
  private volatile String webhookUrl;
  private volatile String webhookSecret;

  public FakeJira(Flavour flavour) {
    this.flavour = flavour;
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

  public Flavour flavour() {
    return flavour;
  }

  // ---- what tests arrange ------------------------------------------------------------------

  /** The next {@code count} requests are answered 429 with {@code Retry-After: seconds}. */
  public void throttleNext(int count, int seconds) {
    retryAfterSeconds = seconds;
    throttled.set(count);
  }

  /** The project's create screen demands this field, as a custom field with a required flag does. */
  public synchronized void requireField(String fieldId, String message) {
    requiredFields.put(fieldId, message);
  }

  /** The account may browse but not create issues (403). */
  public void forbidCreating() {
    forbidden = true;
  }

  /** Cloud's search is eventually consistent: while set, new issues do not show in search results. */
  public void searchLags(boolean lags) {
    searchLags = lags;
  }

  /**
   * The next issue is created, but the caller gets 504 instead of its key: Cloud's edge times out
   * after Jira has committed the write, so the caller cannot tell whether the issue exists.
   */
  public void loseNextCreateAnswer() {
    loseCreateAnswer = true;
  }

  /** Where Jira's admin webhook calls, and the secret it signs with (null: unsigned). */
  public void webhookTo(String url, String secret) {
    webhookUrl = url;
    webhookSecret = secret;
  }

  // ---- what tests observe ------------------------------------------------------------------

  public synchronized List<JsonNode> issues() {
    return List.copyOf(issues.values());
  }

  public synchronized Optional<JsonNode> issue(String key) {
    return Optional.ofNullable(issues.get(key));
  }

  public synchronized List<JsonNode> remoteLinks(String key) {
    return List.copyOf(remoteLinks.getOrDefault(key, List.of()));
  }

  /** "METHOD path?query" of every request, in order. */
  public List<String> requests() {
    return List.copyOf(requests);
  }

  /** Requests that did not validate against the OpenAPI document; tests assert it stays empty. */
  public List<String> specViolations() {
    return List.copyOf(violations);
  }

  // ---- what happens in Jira, with its webhooks ---------------------------------------------

  /** Someone files an issue in Jira by hand (to be linked by key later). */
  public synchronized String fileIssue(String summary) {
    ObjectNode fields = JSON.createObjectNode().put("summary", summary);
    fields.putArray("labels");
    return store(fields).get("key").asText();
  }

  /** Moves the issue to the named status and sends {@code jira:issue_updated}. @return the webhook's answer */
  public int transition(String key, String statusName) {
    ObjectNode event;
    synchronized (this) {
      ObjectNode issue = issues.get(key);
      String from = issue.get("fields").get("status").get("name").asText();
      setStatus(issue, status(statusName));
      event = event("jira:issue_updated", issue).put("issue_event_type_name", "issue_generic");
      ObjectNode item = event.putObject("changelog").put("id", "10500").putArray("items").addObject();
      item.put("field", "status").put("fromString", from).put("toString", statusName);
    }
    return sendWebhook(event.toString());
  }

  /** Someone comments in Jira; sends {@code comment_created}. @return the webhook's answer */
  public int comment(String key, String author, String text) {
    ObjectNode event;
    synchronized (this) {
      ObjectNode comment = JSON.createObjectNode().put("id", Integer.toString(ids.incrementAndGet()))
          .put("created", "2026-11-27T10:00:00.000+0000");
      comment.putObject("author").put("displayName", author).put("accountId", "5b10ac8d82e05b22cc7d4ef5");
      comment.set("body", text(text));
      comments.computeIfAbsent(key, k -> new ArrayList<>()).add(comment);
      event = event("comment_created", issues.get(key));
      event.set("comment", comment);
    }
    return sendWebhook(event.toString());
  }

  /** Posts the payload to the webhook URL, signed with the configured secret. */
  public int sendWebhook(String payload) {
    return sendWebhook(payload, webhookSecret);
  }

  public int sendWebhook(String payload, String secret) {
    if (webhookUrl == null) {
      return 0;
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(webhookUrl))
        .header("Content-Type", "application/json")
        .header("X-Atlassian-Webhook-Identifier", Integer.toString(ids.incrementAndGet()))
        .POST(HttpRequest.BodyPublishers.ofString(payload));
    if (secret != null) {
      request.header("X-Hub-Signature", "sha256=" + hmac(secret, payload));
    }
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static String hmac(String secret, String payload) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private ObjectNode event(String type, ObjectNode issue) {
    ObjectNode event = JSON.createObjectNode().put("timestamp", 1764237600000L).put("webhookEvent", type);
    event.putObject("user").put("accountId", "5b10ac8d82e05b22cc7d4ef5").put("displayName", "Integrator");
    event.set("issue", issue.deepCopy());
    return event;
  }

  /** A comment body as this flavour sends it: ADF on Cloud, a wiki string on Data Center. */
  private JsonNode text(String text) {
    if (flavour == Flavour.DATA_CENTER) {
      return JSON.getNodeFactory().textNode(text);
    }
    ObjectNode doc = JSON.createObjectNode().put("type", "doc").put("version", 1);
    doc.putArray("content").addObject().put("type", "paragraph").putArray("content").addObject()
        .put("type", "text").put("text", text);
    return doc;
  }

  // ---- the REST API ------------------------------------------------------------------------

  private String prefix() {
    return flavour == Flavour.CLOUD ? "/rest/api/3" : "/rest/api/2";
  }

  private void serve(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      String query = exchange.getRequestURI().getRawQuery();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(method + " " + path + (query == null ? "" : "?" + query));
      if (!authorised(exchange.getRequestHeaders().getFirst("Authorization"))) {
        answer(exchange, 401, error(List.of("You are not authenticated. Authentication required to perform this"
            + " operation."), Map.of()));
        return;
      }
      if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        exchange.getResponseHeaders().add("Retry-After", Integer.toString(retryAfterSeconds));
        exchange.getResponseHeaders().add("RateLimit-Reason", "jira-burst-based");
        answer(exchange, 429, error(List.of("Rate limit exceeded."), Map.of()));
        return;
      }
      List<String> invalid = JiraSpec.violations(method, path, query, exchange.getRequestHeaders(), body);
      if (!invalid.isEmpty()) {
        violations.addAll(invalid);
        answer(exchange, 400, error(invalid, Map.of()));
        return;
      }
      if (!path.startsWith(prefix() + "/")) {
        answer(exchange, 404, error(List.of("No such API in this Jira"), Map.of()));
        return;
      }
      route(exchange, method, path.substring(prefix().length()), query(query), body);
    }
  }

  private boolean authorised(String header) {
    String expected = flavour == Flavour.CLOUD
        ? "Basic " + Base64.getEncoder().encodeToString((EMAIL + ":" + API_TOKEN).getBytes(StandardCharsets.UTF_8))
        : "Bearer " + PAT;
    return expected.equals(header);
  }

  private synchronized void route(HttpExchange exchange, String method, String path, Map<String, String> query,
      String body) throws IOException {
    Matcher issue = ISSUE.matcher(path);
    if (method.equals("GET") && path.equals("/myself")) {
      answer(exchange, 200, JSON.createObjectNode().put("accountId", "5b10ac8d82e05b22cc7d4ef5")
          .put("displayName", "Deskbridge bot").put("name", "deskbridge").toString());
    } else if (method.equals("POST") && path.equals("/issue")) {
      createIssue(exchange, JSON.readTree(body));
    } else if (path.equals("/search/jql") && flavour == Flavour.CLOUD) {
      search(exchange, method.equals("POST") ? JSON.readTree(body).path("jql").asText() : query.get("jql"), true);
    } else if (path.equals("/search")) {
      if (flavour == Flavour.CLOUD) {
        answer(exchange, 410, error(List.of("The requested API has been removed. Please migrate to the"
            + " /rest/api/3/search/jql API."), Map.of()));
      } else {
        search(exchange, method.equals("POST") ? JSON.readTree(body).path("jql").asText() : query.get("jql"), false);
      }
    } else if (issue.matches()) {
      ObjectNode found = issues.get(issue.group(1));
      if (found == null) {
        answer(exchange, 404, error(List.of("Issue does not exist or you do not have permission to see it."),
            Map.of()));
        return;
      }
      onIssue(exchange, method, found, issue.group(2) == null ? "" : issue.group(2), query, body);
    } else {
      answer(exchange, 404, error(List.of("The fake has no " + method + " " + path), Map.of()));
    }
  }

  private void onIssue(HttpExchange exchange, String method, ObjectNode issue, String sub, Map<String, String> query,
      String body) throws IOException {
    String key = issue.get("key").asText();
    switch (method + " " + sub) {
      case "GET " -> answer(exchange, 200, issue.toString());
      case "GET /transitions" -> answer(exchange, 200, transitions().toString());
      case "POST /transitions" -> {
        String id = JSON.readTree(body).path("transition").path("id").asText();
        Optional<Status> target = STATUSES.stream().filter(s -> s.transitionId().equals(id)).findFirst();
        if (target.isEmpty()) {
          answer(exchange, 400, error(List.of("Transition id '" + id + "' is not valid for this issue."), Map.of()));
        } else {
          setStatus(issue, target.get());
          answer(exchange, 204, null);
        }
      }
      case "GET /comment" -> {
        ObjectNode page = JSON.createObjectNode().put("startAt", 0).put("maxResults", 50);
        List<ObjectNode> all = comments.getOrDefault(key, List.of());
        page.put("total", all.size());
        page.putArray("comments").addAll(all);
        answer(exchange, 200, page.toString());
      }
      case "POST /comment" -> {
        ObjectNode comment = JSON.createObjectNode().put("id", Integer.toString(ids.incrementAndGet()));
        comment.set("body", JSON.readTree(body).get("body"));
        comment.putObject("author").put("displayName", "Deskbridge bot");
        comments.computeIfAbsent(key, k -> new ArrayList<>()).add(comment);
        answer(exchange, 201, comment.toString());
      }
      case "GET /remotelink" -> {
        ArrayNode links = JSON.createArrayNode();
        remoteLinks.getOrDefault(key, List.of()).stream()
            .filter(l -> query.get("globalId") == null || query.get("globalId").equals(l.path("globalId").asText()))
            .forEach(links::add);
        answer(exchange, 200, links.toString());
      }
      case "POST /remotelink" -> upsertRemoteLink(exchange, key, (ObjectNode) JSON.readTree(body));
      case "DELETE /remotelink" -> {
        List<ObjectNode> links = remoteLinks.getOrDefault(key, new ArrayList<>());
        boolean removed = links.removeIf(l -> l.path("globalId").asText().equals(query.get("globalId")));
        answer(exchange, removed ? 204 : 404, removed ? null
            : error(List.of("No remote link with this globalId."), Map.of()));
      }
      default -> answer(exchange, 405, error(List.of("Not supported by the fake: " + method + " " + sub), Map.of()));
    }
  }

  private void createIssue(HttpExchange exchange, JsonNode request) throws IOException {
    if (forbidden) {
      answer(exchange, 403, error(List.of("You do not have permission to create issues in this project."),
          Map.of()));
      return;
    }
    JsonNode fields = request.path("fields");
    Map<String, String> errors = new LinkedHashMap<>();
    if (!PROJECT.equals(fields.path("project").path("key").asText())) {
      errors.put("project", "valid project is required");
    }
    if (fields.path("summary").asText("").isBlank()) {
      errors.put("summary", "You must specify a summary of the issue.");
    }
    JsonNode description = fields.path("description");
    if (flavour == Flavour.CLOUD && !description.isMissingNode() && !"doc".equals(description.path("type").asText())) {
      errors.put("description", "Operation value must be an Atlassian Document (see the Atlassian Document"
          + " Format)");
    }
    if (flavour == Flavour.DATA_CENTER && !description.isMissingNode() && !description.isTextual()) {
      errors.put("description", "Operation value must be a string");
    }
    for (JsonNode label : fields.path("labels")) {
      if (label.asText().contains(" ")) {
        errors.put("labels", "The label '" + label.asText() + "' contains spaces which is invalid.");
      }
    }
    String priority = fields.path("priority").path("name").asText(null);
    if (priority != null && !PRIORITIES.contains(priority)) {
      errors.put("priority", "Priority name '" + priority + "' is not valid");
    }
    requiredFields.forEach((id, message) -> {
      if (fields.path(id).isMissingNode()) {
        errors.put(id, message);
      }
    });
    if (!errors.isEmpty()) {
      answer(exchange, 400, error(List.of(), errors));
      return;
    }
    ObjectNode stored = store(((ObjectNode) fields).deepCopy());
    if (loseCreateAnswer) {
      loseCreateAnswer = false;
      answer(exchange, 504, error(List.of("Gateway timeout"), Map.of()));
      return;
    }
    answer(exchange, 201, JSON.createObjectNode().put("id", stored.get("id").asText()).put("key",
        stored.get("key").asText()).put("self", url() + prefix() + "/issue/" + stored.get("id").asText()).toString());
  }

  private ObjectNode store(ObjectNode fields) {
    int id = ids.incrementAndGet();
    String key = PROJECT + "-" + (issues.size() + 1);
    ObjectNode issue = JSON.createObjectNode().put("id", Integer.toString(id)).put("key", key)
        .put("self", url() + prefix() + "/issue/" + id);
    issue.set("fields", fields);
    setStatus(issue, STATUSES.get(0));
    issues.put(key, issue);
    return issue;
  }

  private void setStatus(ObjectNode issue, Status status) {
    ObjectNode s = ((ObjectNode) issue.get("fields")).putObject("status").put("id", status.id())
        .put("name", status.name());
    s.putObject("statusCategory").put("key", status.category()).put("name", switch (status.category()) {
      case "new" -> "To Do";
      case "indeterminate" -> "In Progress";
      default -> "Done";
    });
  }

  private Status status(String name) {
    return STATUSES.stream().filter(s -> s.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no status " + name));
  }

  private ObjectNode transitions() {
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("transitions");
    for (Status s : STATUSES) {
      ObjectNode t = list.addObject().put("id", s.transitionId()).put("name", s.name())
          .put("hasScreen", false).put("isAvailable", true);
      t.putObject("to").put("id", s.id()).put("name", s.name()).putObject("statusCategory")
          .put("key", s.category());
    }
    return answer;
  }

  private void search(HttpExchange exchange, String jql, boolean tokenPaged) throws IOException {
    Matcher label = LABEL.matcher(jql == null ? "" : jql);
    if (!label.find()) {
      answer(exchange, 400, error(List.of("Unbounded JQL queries are not allowed here."), Map.of()));
      return;
    }
    ArrayNode found = JSON.createArrayNode();
    for (ObjectNode issue : issues.values()) {
      boolean labelled = false;
      for (JsonNode l : issue.path("fields").path("labels")) {
        labelled |= l.asText().equals(label.group(1));
      }
      if (labelled && !searchLags) {
        found.addObject().put("id", issue.get("id").asText()).put("key", issue.get("key").asText())
            .putObject("fields").set("status", issue.get("fields").get("status"));
      }
    }
    ObjectNode page = JSON.createObjectNode();
    page.set("issues", found);
    if (tokenPaged) {
      page.put("isLast", true);
    } else {
      page.put("startAt", 0).put("maxResults", 50).put("total", found.size());
    }
    answer(exchange, 200, page.toString());
  }

  private void upsertRemoteLink(HttpExchange exchange, String key, ObjectNode link) throws IOException {
    List<ObjectNode> links = remoteLinks.computeIfAbsent(key, k -> new ArrayList<>());
    String globalId = link.path("globalId").asText(null);
    for (int i = 0; i < links.size(); i++) {
      if (globalId != null && globalId.equals(links.get(i).path("globalId").asText(null))) {
        link.put("id", links.get(i).get("id").asInt());
        links.set(i, link);
        answer(exchange, 200, JSON.createObjectNode().put("id", link.get("id").asInt())
            .put("self", url() + prefix() + "/issue/" + key + "/remotelink/" + link.get("id").asInt()).toString());
        return;
      }
    }
    link.put("id", ids.incrementAndGet());
    links.add(link);
    answer(exchange, 201, JSON.createObjectNode().put("id", link.get("id").asInt())
        .put("self", url() + prefix() + "/issue/" + key + "/remotelink/" + link.get("id").asInt()).toString());
  }

  private static String error(List<String> messages, Map<String, String> errors) {
    ObjectNode body = JSON.createObjectNode();
    messages.forEach(body.putArray("errorMessages")::add);
    if (messages.isEmpty()) {
      body.putArray("errorMessages");
    }
    ObjectNode e = body.putObject("errors");
    errors.forEach(e::put);
    return body.toString();
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> query = new LinkedHashMap<>();
    if (raw != null) {
      for (String pair : raw.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return query;
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
