package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /hooks/{tenant}/jira}: Jira's admin webhook. Signed with {@code X-Hub-Signature} when a
 * secret is configured, otherwise the URL's {@code ?token=}; an unverifiable call is refused. Events
 * of issues no conversation is linked to are acknowledged and ignored (the webhook's JQL filter may
 * cover the whole project). Comments become internal notes, never customer-visible messages.
 */
final class JiraHook {

  static final String REFRESH = "refresh";

  private final JiraConfig config;
  private final PluginContext context;
  private final IssueLinks links;
  private final StatusMirror mirror;
  private final CommentNotes comments;

  JiraHook(JiraConfig config, PluginContext context, IssueLinks links, StatusMirror mirror,
      CommentNotes comments) {
    this.comments = comments;
    this.config = config;
    this.context = context;
    this.links = links;
    this.mirror = mirror;
  }

  WebhookResponse handle(WebhookRequest request) {
    if (!"POST".equals(request.method())) {
      return new WebhookResponse(405, null, null);
    }
    if (!verified(request)) {
      return WebhookResponse.unauthorized();
    }
    JsonObject event;
    try {
      event = JiraApi.parse(new String(request.body(), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      return new WebhookResponse(400, null, null);
    }
    JsonObject issue = event.get("issue") instanceof JsonObject i ? i : JsonObject.EMPTY_JSON_OBJECT;
    Optional<Long> conversation = Optional.ofNullable(issue.getString("key", null)).flatMap(links::conversationOf);
    if (conversation.isEmpty()) {
      return WebhookResponse.ok("{\"ignored\":true}");
    }
    String key = issue.getString("key");
    String type = event.getString("webhookEvent", "");
    if (event.get("comment") instanceof JsonObject comment && !type.equals("comment_updated")
        && !type.equals("comment_deleted")) {
      comments.note(conversation.get(), key, comment);
    }
    if (type.startsWith("jira:issue_")) {
      mirrorStatus(conversation.get(), key, issue);
    }
    return WebhookResponse.ok("{\"ignored\":false}");
  }

  /** A payload without the status category (partial payloads exist) is looked up through the outbox. */
  private void mirrorStatus(long conversationId, String key, JsonObject issue) {
    JsonObject fields = issue.get("fields") instanceof JsonObject f ? f : null;
    Optional<IssueStatus> status = IssueStatus.of(fields);
    if (status.isPresent()) {
      mirror.apply(conversationId, key, status.get());
    } else {
      context.jobs().enqueue(conversationId, REFRESH, Map.of("issueKey", key));
    }
  }

  private boolean verified(WebhookRequest request) {
    if (config.webhookSecret().isPresent()) {
      String expected = "sha256=" + HexFormat.of().formatHex(hmac(config.webhookSecret().get().reveal(),
          request.body()));
      return request.header("X-Hub-Signature").map(given -> MessageDigest.isEqual(
          given.trim().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII),
          expected.getBytes(StandardCharsets.US_ASCII))).orElse(false);
    }
    return config.webhookToken().map(token -> MessageDigest.isEqual(
        token.reveal().getBytes(StandardCharsets.UTF_8),
        queryToken(request.query()).getBytes(StandardCharsets.UTF_8))).orElse(false);
  }

  private static String queryToken(String query) {
    if (query == null) {
      return "";
    }
    for (String pair : query.split("&")) {
      if (pair.startsWith("token=")) {
        return java.net.URLDecoder.decode(pair.substring(6), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  private static byte[] hmac(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return mac.doFinal(body);
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
