package io.deskbridge.plugin.amocrm;

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
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * amoCRM API v4 on 127.0.0.1, as the reference describes it: Bearer auth, stateful contacts, leads
 * and notes with {@code _embedded}/{@code _links}, 204 for empty lists, an OAuth token endpoint with
 * expiring access tokens and single-use refresh tokens, 7 requests per second (then 429), problem+json
 * validation errors, and a sender of form-encoded account webhooks. Used by the module's tests and by
 * the webapp's ITs.
 */
public final class FakeAmoCrm implements AutoCloseable {

  public static final long ACCOUNT_ID = 29000000;
  /** The account's id in the Chats API ({@code GET /api/v4/account?with=amojo_id}). */
  public static final String AMOJO_ID = "af9945ff-1490-4cad-a0a4-a7f1d2b3c4e5";
  public static final long PIPELINE_ID = 3177727;
  public static final long FIRST_STAGE = 3177728;
  public static final long SECOND_STAGE = 3177729;
  /** The pipeline's stages, as {@code GET /api/v4/leads/pipelines} lists them. */
  public static final Map<Long, String> STAGES = Map.of(FIRST_STAGE, "First contact", SECOND_STAGE, "Negotiation",
      Crm.WON, "Closed - won", Crm.LOST, "Closed - lost");
  /** The account's users; the first is the admin whose token the integration acts with. */
  public static final List<Long> USERS = List.of(504141L, 504142L, 504143L, 504144L);
  /** The account's own contact fields (besides PHONE, EMAIL and IM), by id. */
  public static final Map<Long, String> CONTACT_FIELDS = Map.of(512345L, "Plan", 512346L, "Account number");
  public static final String CLIENT_ID = "fake-client-id";
  public static final String CLIENT_SECRET = "fake-client-secret";
  public static final int LIMIT_PER_SECOND = 7;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LEAD_NOTES = Pattern.compile("/api/v4/leads/(\\d+)/notes");
  private static final Pattern CONTACT = Pattern.compile("/api/v4/contacts/(\\d+)");
  private static final Pattern LEAD = Pattern.compile("/api/v4/leads/(\\d+)");

  private final HttpServer server;
  private final AtomicLong ids = new AtomicLong(1000);
  private final Map<Long, ObjectNode> contacts = new LinkedHashMap<>();
  private final Map<Long, ObjectNode> leads = new LinkedHashMap<>();
  private final Map<Long, List<ObjectNode>> notes = new LinkedHashMap<>();
  private final Map<String, Long> chatLinks = new LinkedHashMap<>();
  private final Map<String, Long> accessTokens = new LinkedHashMap<>();
  private final Set<String> refreshTokens = new HashSet<>();
  private final Set<String> codes = new HashSet<>();
  private final Deque<Long> recent = new ArrayDeque<>();
  private final List<Long> requestTimes = new ArrayList<>();
  private final List<String> pagesServed = new ArrayList<>();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final AtomicInteger noteRequests = new AtomicInteger();
  private final AtomicInteger leadUpdates = new AtomicInteger();
  private final AtomicInteger contactUpdates = new AtomicInteger();
  private final AtomicInteger storm = new AtomicInteger();
  private final AtomicInteger tooManyRequests = new AtomicInteger();
  private volatile int tokenLifetimeSeconds = 86400;
  private volatile boolean blocked;
  private volatile long noteAnswerDelayMillis;

  public FakeAmoCrm() {
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

  // ---- what tests arrange ----

  /** A long-lived token, as a private integration's "Keys and scopes" gives one. */
  public synchronized String longLivedToken() {
    String token = "long-" + UUID.randomUUID();
    accessTokens.put(token, Long.MAX_VALUE);
    return token;
  }

  /** The code amoCRM appends to the redirect URI after the admin's consent (single use). */
  public synchronized String authorizationCode() {
    String code = "code-" + UUID.randomUUID();
    codes.add(code);
    return code;
  }

  /** Every access token issued so far stops working now, as at the end of its 24 hours. */
  public synchronized void expireAccessTokens() {
    accessTokens.replaceAll((t, until) -> t.startsWith("long-") ? until : 0L);
  }

  /** The next {@code n} API requests answer 429, whatever the rate. */
  public void stormOf429(int n) {
    storm.set(n);
  }

  /** Notes are stored at once but answered only after this delay: room for a crash in between. */
  public void delayNoteAnswers(java.time.Duration delay) {
    noteAnswerDelayMillis = delay.toMillis();
  }

  /** Every request answers 403, as when amoCRM blocks an account or an address. */
  public void block(boolean on) {
    blocked = on;
  }

  /** A contact someone typed into amoCRM before Deskbridge was connected; null fields stay empty. */
  public synchronized long existingContact(String name, String phone, String email, String messengerId) {
    ObjectNode in = JSON.createObjectNode().put("name", name);
    ArrayNode fields = in.putArray("custom_fields_values");
    Map<String, String> values = new LinkedHashMap<>();
    values.put("PHONE", phone);
    values.put("EMAIL", email);
    values.put("IM", messengerId);
    values.forEach((code, value) -> {
      if (value != null) {
        fields.addObject().put("field_code", code).putArray("values").addObject()
            .put("enum_code", code.equals("IM") ? "OTHER" : "WORK").put("value", value);
      }
    });
    return newContact(in);
  }

  /** What an amoCRM user does on the lead's card: moves it to a stage and sets its budget. */
  public synchronized void userEditsLead(long leadId, long statusId, long price) {
    leads.get(leadId).put("status_id", statusId).put("price", price);
  }

  // ---- what tests check ----

  public synchronized JsonNode lead(long id) {
    return leads.get(id).deepCopy();
  }

  public synchronized JsonNode contact(long id) {
    return contacts.get(id).deepCopy();
  }

  /** How many times a contact was changed through the API. */
  public int contactUpdates() {
    return contactUpdates.get();
  }

  /** An amoCRM user tags the contact by hand. */
  public synchronized void userTagsContact(long contactId, String tag) {
    ((ArrayNode) contacts.get(contactId).path("_embedded").path("tags")).addObject().put("name", tag);
  }

  /** How many times a lead was changed through the API. */
  public int leadUpdates() {
    return leadUpdates.get();
  }

  /** The list pages answered so far, as {@code path?page=n&limit=m}. */
  public synchronized List<String> pagesServed() {
    return List.copyOf(pagesServed);
  }

  public synchronized List<JsonNode> contacts() {
    return List.copyOf(contacts.values());
  }

  public synchronized List<JsonNode> leads() {
    return List.copyOf(leads.values());
  }

  /** The texts of a lead's notes, oldest first. */
  public synchronized List<String> noteTexts(long leadId) {
    return notes.getOrDefault(leadId, List.of()).stream().map(n -> n.path("params").path("text").asText()).toList();
  }

  /** Chats API chat id → the contact it is shown on. */
  public synchronized Map<String, Long> chatLinks() {
    return Map.copyOf(chatLinks);
  }

  /** How many requests added notes (each may carry several). */
  public int noteRequests() {
    return noteRequests.get();
  }

  public int refreshes() {
    return refreshes.get();
  }

  public synchronized int requests() {
    return requestTimes.size();
  }

  /** How many requests were answered 429 (over the rate, or in a storm a test arranged). */
  public int tooManyRequests() {
    return tooManyRequests.get();
  }

  /** When each request arrived ({@link System#nanoTime()}), answered or refused, oldest first. */
  public synchronized List<Long> requestTimes() {
    return List.copyOf(requestTimes);
  }

  /** The most requests (answered or refused) that arrived within any one second. */
  public int maxRequestsInOneSecond() {
    return maxRequestsIn(java.time.Duration.ofSeconds(1));
  }

  /** The most requests (answered or refused) that arrived within any {@code window}. */
  public synchronized int maxRequestsIn(java.time.Duration window) {
    long windowNanos = window.toNanos();
    int max = 0;
    int from = 0;
    for (int i = 0; i < requestTimes.size(); i++) {
      while (requestTimes.get(i) - requestTimes.get(from) >= windowNanos) {
        from++;
      }
      max = Math.max(max, i - from + 1);
    }
    return max;
  }

  /** Posts a lead status change the way amoCRM's account webhooks do: form-encoded, unsigned. */
  public int sendStatusChange(String hookUrl, long leadId, long statusId, long accountId) {
    return post(hookUrl, statusChangeForm(leadId, statusId, accountId));
  }

  /**
   * An amoCRM user moves the lead: the body of the {@code leads[status]} webhook that follows, with
   * the lead's budget as amoCRM sends it.
   */
  public synchronized String statusChangeForm(long leadId, long statusId, long accountId) {
    ObjectNode lead = leads.get(leadId);
    long price = lead == null ? 0 : lead.path("price").asLong();
    if (lead != null) {
      lead.put("status_id", statusId);
    }
    return form(Map.of("leads[status][0][id]", leadId, "leads[status][0][status_id]", statusId,
        "leads[status][0][pipeline_id]", PIPELINE_ID, "leads[status][0][old_status_id]", FIRST_STAGE,
        "leads[status][0][price]", price, "leads[status][0][last_modified]", System.currentTimeMillis() / 1000,
        "account[id]", accountId, "account[subdomain]", "acme"));
  }

  /**
   * An amoCRM user writes a text note on the lead: it is stored, and the body of the webhook amoCRM
   * then posts is returned ({@code leads[note][0][note][...]}, note_type 4 is a text note).
   */
  public synchronized String userWritesNote(long leadId, long userId, String text) {
    long id = ids.incrementAndGet();
    ObjectNode note = JSON.createObjectNode().put("id", id).put("entity_id", leadId).put("note_type", "common")
        .put("created_by", userId).put("created_at", System.currentTimeMillis() / 1000);
    note.putObject("params").put("text", text);
    notes.computeIfAbsent(leadId, k -> new ArrayList<>()).add(note);
    Map<String, Object> fields = new LinkedHashMap<>();
    String prefix = "leads[note][0][note]";
    fields.put(prefix + "[id]", id);
    fields.put(prefix + "[element_id]", leadId);
    fields.put(prefix + "[element_type]", 2);
    fields.put(prefix + "[note_type]", 4);
    fields.put(prefix + "[text]", text);
    fields.put(prefix + "[created_by]", userId);
    fields.put(prefix + "[account_id]", ACCOUNT_ID);
    fields.put("account[id]", ACCOUNT_ID);
    fields.put("account[subdomain]", "acme");
    return form(fields);
  }

  /** Posts a webhook body to Deskbridge as amoCRM does. */
  public int post(String hookUrl, String form) {
    try {
      return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hookUrl))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException | InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String form(Map<String, Object> fields) {
    StringBuilder s = new StringBuilder();
    fields.forEach((k, v) -> s.append(s.length() == 0 ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
        .append('=').append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
    return s.toString();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- the API ----

  private record Answer(int status, String body) {}

  private void serve(HttpExchange exchange) throws IOException {
    Answer answer;
    try {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      answer = answer(exchange.getRequestMethod(), exchange.getRequestURI(),
          exchange.getRequestHeaders().getFirst("Authorization"), new String(raw, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      answer = problem(500, "Internal Server Error", e.toString());
    }
    if (noteAnswerDelayMillis > 0 && exchange.getRequestMethod().equals("POST")
        && LEAD_NOTES.matcher(exchange.getRequestURI().getPath()).matches()) {
      try {
        Thread.sleep(noteAnswerDelayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (answer.status() == 204) {
      exchange.sendResponseHeaders(204, -1);
    } else {
      byte[] out = answer.body().getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type",
          answer.status() >= 400 ? "application/problem+json" : "application/hal+json");
      exchange.sendResponseHeaders(answer.status(), out.length);
      exchange.getResponseBody().write(out);
    }
    exchange.close();
  }

  private synchronized Answer answer(String method, URI uri, String authorization, String body) {
    long now = System.nanoTime();
    requestTimes.add(now);
    while (!recent.isEmpty() && now - recent.peekFirst() >= 1_000_000_000L) {
      recent.pollFirst();
    }
    recent.addLast(now);
    if (blocked) {
      return problem(403, "Forbidden", "Access denied: your account is blocked");
    }
    if (recent.size() > LIMIT_PER_SECOND || storm.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
      tooManyRequests.incrementAndGet();
      return problem(429, "Too Many Requests", "Too many requests");
    }
    String path = uri.getPath();
    if (path.equals("/oauth2/access_token") && method.equals("POST")) {
      return token(read(body));
    }
    String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
    Long until = accessTokens.get(token);
    if (until == null || until < System.currentTimeMillis()) {
      return problem(401, "Unauthorized", "Unauthorized");
    }
    Map<String, List<String>> query = query(uri.getRawQuery());
    Matcher m;
    if (path.equals("/api/v4/account")) {
      ObjectNode account = JSON.createObjectNode().put("id", ACCOUNT_ID).put("name", "Acme").put("subdomain", "acme");
      if (first(query, "with") != null && first(query, "with").contains("amojo_id")) {
        account.put("amojo_id", AMOJO_ID);
      }
      return ok(account);
    } else if (path.equals("/api/v4/contacts/chats") && method.equals("POST")) {
      return linkChats(read(body));
    } else if (path.equals("/api/v4/contacts") && method.equals("GET")) {
      return list("contacts", path, contacts.values().stream().filter(c -> matches(c, first(query, "query"))).toList(), query);
    } else if ((m = CONTACT.matcher(path)).matches() && method.equals("PATCH")) {
      return updateContact(Long.parseLong(m.group(1)), read(body));
    } else if ((m = CONTACT.matcher(path)).matches() && method.equals("GET")) {
      ObjectNode c = contacts.get(Long.parseLong(m.group(1)));
      return c == null ? problem(404, "Not Found", "Contact not found") : ok(c);
    } else if (path.equals("/api/v4/leads") && method.equals("GET")) {
      List<String> wanted = query.getOrDefault("filter[id][]", List.of());
      return list("leads", path, leads.values().stream()
          .filter(l -> wanted.isEmpty() || wanted.contains(l.get("id").asText())).toList(), query);
    } else if (path.equals("/api/v4/leads") && method.equals("POST")) {
      return addLeads(read(body), false);
    } else if ((m = LEAD.matcher(path)).matches() && method.equals("PATCH")) {
      return updateLead(Long.parseLong(m.group(1)), read(body));
    } else if (path.equals("/api/v4/leads/complex") && method.equals("POST")) {
      return addLeads(read(body), true);
    } else if ((m = LEAD_NOTES.matcher(path)).matches()) {
      long leadId = Long.parseLong(m.group(1));
      if (!leads.containsKey(leadId)) {
        return problem(404, "Not Found", "Lead not found");
      }
      if (method.equals("POST")) {
        noteRequests.incrementAndGet();
      }
      return method.equals("POST") ? addNotes(leadId, read(body))
          : list("notes", path, notes.getOrDefault(leadId, List.of()), query);
    } else if (path.equals("/api/v4/leads/pipelines")) {
      ObjectNode pipeline = JSON.createObjectNode().put("id", PIPELINE_ID).put("name", "Sales").put("is_main", true);
      ArrayNode statuses = pipeline.putObject("_embedded").putArray("statuses");
      STAGES.forEach((id, name) -> statuses.addObject().put("id", id).put("name", name));
      return list("pipelines", path, List.of(pipeline), query);
    }
    return problem(404, "Not Found", "No route " + method + " " + path);
  }

  private Answer token(JsonNode request) {
    if (!CLIENT_ID.equals(request.path("client_id").asText())
        || !CLIENT_SECRET.equals(request.path("client_secret").asText())) {
      return problem(401, "Unauthorized", "Client authentication failed");
    }
    String grant = request.path("grant_type").asText();
    if (grant.equals("authorization_code")) {
      if (!codes.remove(request.path("code").asText())) {
        return problem(400, "Bad Request", "Authorization code has been revoked");
      }
    } else if (grant.equals("refresh_token")) {
      if (!refreshTokens.remove(request.path("refresh_token").asText())) {
        ObjectNode revoked = (ObjectNode) read(problem(401, "Unauthorized", "Unauthorized").body());
        revoked.put("hint", "Token has been revoked");
        return new Answer(401, revoked.toString());
      }
      refreshes.incrementAndGet();
    } else {
      return problem(400, "Bad Request", "Unsupported grant type");
    }
    String access = "access-" + UUID.randomUUID();
    String refresh = "def502" + UUID.randomUUID();
    accessTokens.put(access, System.currentTimeMillis() + tokenLifetimeSeconds * 1000L);
    refreshTokens.add(refresh);
    return ok(JSON.createObjectNode().put("token_type", "Bearer").put("expires_in", tokenLifetimeSeconds)
        .put("access_token", access).put("refresh_token", refresh)
        .put("server_time", System.currentTimeMillis() / 1000));
  }

  private Answer addLeads(JsonNode items, boolean complex) {
    ArrayNode errors = JSON.createArrayNode();
    for (int i = 0; i < items.size(); i++) {
      JsonNode lead = items.get(i);
      if (lead.has("status_id") && !STAGES.containsKey(lead.get("status_id").asLong())) {
        errors.addObject().put("request_id", String.valueOf(i)).putArray("errors").addObject()
            .put("code", "NotSupportedChoice").put("path", "status_id")
            .put("detail", "The value you selected is not a valid choice.");
      }
      if (lead.has("responsible_user_id") && !USERS.contains(lead.get("responsible_user_id").asLong())) {
        errors.addObject().put("request_id", String.valueOf(i)).putArray("errors").addObject()
            .put("code", "NotSupportedChoice").put("path", "responsible_user_id")
            .put("detail", "The value you selected is not a valid choice.");
      }
      if (lead.has("pipeline_id") && lead.get("pipeline_id").asLong() != PIPELINE_ID) {
        errors.addObject().put("request_id", String.valueOf(i)).putArray("errors").addObject()
            .put("code", "NotSupportedChoice").put("path", "pipeline_id")
            .put("detail", "The value you selected is not a valid choice.");
      }
      for (JsonNode c : lead.path("_embedded").path("contacts")) {
        String unknownField = unknownField(c.path("custom_fields_values"));
        if (unknownField != null) {
          errors.addObject().put("request_id", String.valueOf(i)).putArray("errors").addObject()
              .put("code", "NotFound").put("path", "_embedded.contacts.0.custom_fields_values." + unknownField)
              .put("detail", "Field not found");
        }
        if (c.has("id") && !contacts.containsKey(c.get("id").asLong())) {
          errors.addObject().put("request_id", String.valueOf(i)).putArray("errors").addObject()
              .put("code", "NotFound").put("path", "_embedded.contacts.0.id").put("detail", "Contact not found");
        }
      }
    }
    if (!errors.isEmpty()) {
      ObjectNode p = (ObjectNode) read(problem(400, "Bad Request", "Request validation failed").body());
      p.set("validation-errors", errors);
      return new Answer(400, p.toString());
    }
    ArrayNode complexAnswer = JSON.createArrayNode();
    ArrayNode created = JSON.createArrayNode();
    for (int i = 0; i < items.size(); i++) {
      JsonNode in = items.get(i);
      long id = ids.incrementAndGet();
      ObjectNode lead = JSON.createObjectNode().put("id", id).put("name", in.path("name").asText())
          .put("price", in.path("price").asLong(0)).put("pipeline_id", in.path("pipeline_id").asLong(PIPELINE_ID))
          .put("status_id", in.path("status_id").asLong(FIRST_STAGE))
          .put("responsible_user_id", in.path("responsible_user_id").asLong(USERS.get(0))).put("created_at", System.currentTimeMillis() / 1000);
      lead.putObject("_links").putObject("self").put("href", url() + "/api/v4/leads/" + id);
      ObjectNode embedded = lead.putObject("_embedded");
      embedded.set("tags", in.path("_embedded").path("tags").deepCopy());
      ArrayNode linked = embedded.putArray("contacts");
      Long contactId = null;
      for (JsonNode c : in.path("_embedded").path("contacts")) {
        contactId = c.has("id") ? c.get("id").asLong() : newContact(c);
        linked.addObject().put("id", contactId);
        ((ArrayNode) contacts.get(contactId).path("_embedded").path("leads")).addObject().put("id", id);
      }
      leads.put(id, lead);
      complexAnswer.addObject().put("id", id).put("contact_id", contactId).putNull("company_id")
          .put("merged", false).putArray("request_id").add(String.valueOf(i));
      created.addObject().put("id", id).put("request_id", String.valueOf(i))
          .putObject("_links").putObject("self").put("href", url() + "/api/v4/leads/" + id);
    }
    if (complex) {
      return new Answer(200, complexAnswer.toString());
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.putObject("_links").putObject("self").put("href", url() + "/api/v4/leads");
    answer.putObject("_embedded").set("leads", created);
    return ok(answer);
  }

  /** Links Chats API chats to contacts; a chat already on the same contact is answered as linked again. */
  private Answer linkChats(JsonNode items) {
    ObjectNode out = JSON.createObjectNode();
    ArrayNode linked = out.putObject("_embedded").putArray("chats");
    int i = 0;
    for (JsonNode item : items) {
      long contactId = item.path("contact_id").asLong();
      String chatId = item.path("chat_id").asText();
      if (!contacts.containsKey(contactId) || chatId.isEmpty()) {
        return problem(400, "Bad Request", "chat_id and an existing contact_id are required");
      }
      Long earlier = chatLinks.putIfAbsent(chatId, contactId);
      if (earlier != null && earlier != contactId) {
        return problem(400, "Bad Request", "The chat is already linked to contact " + earlier);
      }
      linked.addObject().put("chat_id", chatId).put("contact_id", contactId).put("request_id", Integer.toString(i++));
    }
    out.put("_total_items", linked.size());
    return ok(out);
  }

  /**
   * {@code PATCH /api/v4/leads/{id}}: the given fields change; {@code _embedded.tags} replaces the
   * lead's tags, as amoCRM does. Answers the lead's id and update time.
   */
  private Answer updateLead(long id, JsonNode in) {
    ObjectNode lead = leads.get(id);
    if (lead == null) {
      return problem(404, "Not Found", "Lead not found");
    }
    if (in.has("status_id") && !STAGES.containsKey(in.get("status_id").asLong())) {
      return validationError("status_id", "NotSupportedChoice", "The value you selected is not a valid choice.");
    }
    if (in.has("responsible_user_id") && !USERS.contains(in.get("responsible_user_id").asLong())) {
      return validationError("responsible_user_id", "NotSupportedChoice", "The value you selected is not a valid choice.");
    }
    for (String field : List.of("status_id", "price", "responsible_user_id", "name")) {
      if (in.has(field)) {
        lead.set(field, in.get(field).deepCopy());
      }
    }
    if (in.path("_embedded").has("tags")) {
      ((ObjectNode) lead.get("_embedded")).set("tags", in.path("_embedded").path("tags").deepCopy());
    }
    long now = System.currentTimeMillis() / 1000;
    lead.put("updated_at", now);
    leadUpdates.incrementAndGet();
    ObjectNode answer = JSON.createObjectNode().put("id", id).put("updated_at", now);
    answer.set("_links", lead.get("_links"));
    return ok(answer);
  }

  /**
   * {@code PATCH /api/v4/contacts/{id}}: each field in {@code custom_fields_values} replaces that field's
   * values ({@code values: null} clears it); {@code _embedded.tags} replaces the contact's tags.
   */
  private Answer updateContact(long id, JsonNode in) {
    ObjectNode contact = contacts.get(id);
    if (contact == null) {
      return problem(404, "Not Found", "Contact not found");
    }
    String unknown = unknownField(in.path("custom_fields_values"));
    if (unknown != null) {
      return validationError("custom_fields_values." + unknown, "NotFound", "Field not found");
    }
    ArrayNode fields = contact.get("custom_fields_values").isArray() ? (ArrayNode) contact.get("custom_fields_values")
        : JSON.createArrayNode();
    for (JsonNode change : in.path("custom_fields_values")) {
      for (int i = fields.size() - 1; i >= 0; i--) {
        JsonNode f = fields.get(i);
        if (change.has("field_id") ? f.path("field_id").asLong() == change.get("field_id").asLong()
            : f.path("field_code").asText().equals(change.path("field_code").asText())) {
          fields.remove(i);
        }
      }
      if (change.path("values").isArray() && !change.path("values").isEmpty()) {
        ObjectNode stored = change.deepCopy();
        if (change.has("field_id")) {
          stored.put("field_name", CONTACT_FIELDS.get(change.get("field_id").asLong()));
        }
        fields.add(stored);
      }
    }
    if (fields.isEmpty()) {
      contact.putNull("custom_fields_values");
    } else {
      contact.set("custom_fields_values", fields);
    }
    if (in.path("_embedded").has("tags")) {
      ((ObjectNode) contact.get("_embedded")).set("tags", in.path("_embedded").path("tags").deepCopy());
    }
    contactUpdates.incrementAndGet();
    ObjectNode answer = JSON.createObjectNode().put("id", id).put("updated_at", System.currentTimeMillis() / 1000);
    answer.set("_links", contact.get("_links"));
    return ok(answer);
  }

  /** The index of the first custom field value naming a field id this account does not have. */
  private static String unknownField(JsonNode fields) {
    for (int i = 0; i < fields.size(); i++) {
      JsonNode f = fields.get(i);
      if (f.has("field_id") && !CONTACT_FIELDS.containsKey(f.get("field_id").asLong())) {
        return i + ".field_id";
      }
    }
    return null;
  }

  private static Answer validationError(String path, String code, String detail) {
    ObjectNode p = (ObjectNode) read(problem(400, "Bad Request", "Request validation failed").body());
    p.putArray("validation-errors").addObject().put("request_id", "0").putArray("errors").addObject()
        .put("code", code).put("path", path).put("detail", detail);
    return new Answer(400, p.toString());
  }

  private long newContact(JsonNode in) {
    long id = ids.incrementAndGet();
    ObjectNode contact = JSON.createObjectNode().put("id", id).put("name", in.path("name").asText())
        .put("created_at", System.currentTimeMillis() / 1000);
    JsonNode fields = in.path("custom_fields_values");
    if (fields.isArray() && !fields.isEmpty()) {
      contact.set("custom_fields_values", fields.deepCopy());
    } else {
      contact.putNull("custom_fields_values");
    }
    ObjectNode embedded = contact.putObject("_embedded");
    embedded.set("tags", in.path("_embedded").path("tags").isArray() ? in.path("_embedded").path("tags").deepCopy()
        : JSON.createArrayNode());
    embedded.putArray("leads");
    contact.putObject("_links").putObject("self").put("href", url() + "/api/v4/contacts/" + id);
    contacts.put(id, contact);
    return id;
  }

  private Answer addNotes(long leadId, JsonNode items) {
    ArrayNode created = JSON.createArrayNode();
    for (int i = 0; i < items.size(); i++) {
      JsonNode in = items.get(i);
      if (!in.path("note_type").asText().equals("common") || in.path("params").path("text").asText().isEmpty()) {
        ObjectNode p = (ObjectNode) read(problem(400, "Bad Request", "Request validation failed").body());
        p.putArray("validation-errors").addObject().put("request_id", String.valueOf(i)).putArray("errors")
            .addObject().put("code", "NotBlank").put("path", "params.text").put("detail", "This value should not be blank.");
        return new Answer(400, p.toString());
      }
      long id = ids.incrementAndGet();
      ObjectNode note = JSON.createObjectNode().put("id", id).put("entity_id", leadId).put("note_type", "common")
          .put("created_at", System.currentTimeMillis() / 1000);
      note.set("params", in.get("params").deepCopy());
      note.putObject("_links").putObject("self").put("href", url() + "/api/v4/leads/" + leadId + "/notes/" + id);
      notes.computeIfAbsent(leadId, k -> new ArrayList<>()).add(note);
      ObjectNode answer = created.addObject().put("id", id).put("entity_id", leadId).put("request_id", String.valueOf(i));
      answer.set("_links", note.get("_links"));
    }
    ObjectNode answer = JSON.createObjectNode();
    answer.putObject("_links").putObject("self").put("href", url() + "/api/v4/leads/" + leadId + "/notes");
    answer.putObject("_embedded").set("notes", created);
    return ok(answer);
  }

  /**
   * A page of a list as amoCRM answers it: 204 without a body past the end, {@code _links} that keep
   * the request's filters, {@code next} only when there is more. A limit above 250 is refused.
   */
  private Answer list(String name, String path, List<? extends JsonNode> all, Map<String, List<String>> query) {
    int limit = Integer.parseInt(first(query, "limit") == null ? "50" : first(query, "limit"));
    if (limit < 1 || limit > 250) {
      ObjectNode p = (ObjectNode) read(problem(400, "Bad Request", "Request validation failed").body());
      p.putArray("validation-errors").addObject().put("request_id", "0").putArray("errors").addObject()
          .put("code", "LessThanOrEqual").put("path", "limit").put("detail", "This value should be 250 or less.");
      return new Answer(400, p.toString());
    }
    int page = Integer.parseInt(first(query, "page") == null ? "1" : first(query, "page"));
    int from = (page - 1) * limit;
    if (from >= all.size()) {
      return new Answer(204, "");
    }
    List<? extends JsonNode> items = all.subList(from, Math.min(all.size(), from + limit));
    ObjectNode answer = JSON.createObjectNode().put("_page", page);
    ObjectNode links = answer.putObject("_links");
    links.putObject("self").put("href", pageLink(path, query, page, limit));
    if (from + limit < all.size()) {
      links.putObject("next").put("href", pageLink(path, query, page + 1, limit));
    }
    if (page > 1) {
      links.putObject("prev").put("href", pageLink(path, query, page - 1, limit));
    }
    ArrayNode array = answer.putObject("_embedded").putArray(name);
    items.forEach(i -> array.add(i.deepCopy()));
    pagesServed.add(path + "?page=" + page + "&limit=" + limit);
    return ok(answer);
  }

  private String pageLink(String path, Map<String, List<String>> query, int page, int limit) {
    StringBuilder link = new StringBuilder(url()).append(path).append("?page=").append(page).append("&limit=")
        .append(limit);
    query.forEach((k, values) -> {
      if (!k.equals("page") && !k.equals("limit")) {
        values.forEach(v -> link.append('&').append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
            .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
      }
    });
    return link.toString();
  }

  private static boolean matches(JsonNode contact, String query) {
    if (query == null || query.isBlank()) {
      return true;
    }
    String q = query.toLowerCase();
    String qDigits = query.replaceAll("\\D", "");
    if (contact.path("name").asText().toLowerCase().contains(q)) {
      return true;
    }
    for (JsonNode field : contact.path("custom_fields_values")) {
      for (JsonNode v : field.path("values")) {
        String value = v.path("value").asText();
        if (value.toLowerCase().contains(q)
            || (qDigits.length() >= 5 && value.replaceAll("\\D", "").contains(qDigits))) {
          return true;
        }
      }
    }
    return false;
  }

  private static Answer ok(JsonNode body) {
    return new Answer(200, body.toString());
  }

  private static Answer problem(int status, String title, String detail) {
    return new Answer(status, JSON.createObjectNode().put("title", title)
        .put("type", "https://httpstatus.es/" + status).put("status", status).put("detail", detail).toString());
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String first(Map<String, List<String>> query, String key) {
    List<String> values = query.get(key);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static Map<String, List<String>> query(String raw) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (raw == null) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }
}
