package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.PluginContext;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The fallback for a Jira that cannot call the webhook: every {@code pollInterval} one server asks
 * for the escalated issues updated since a little before the last look and treats them as the
 * webhook would (status mirrored, new comments noted; both deduplicated, so the overlap is harmless).
 * Only issues Deskbridge created carry the {@code deskbridge} label; issues linked by key are
 * followed through the webhook.
 */
final class JiraPoller {

  private static final Logger LOG = Logger.getLogger(JiraPoller.class.getName());
  private static final int PAGE = 50;
  private static final int MAX_PAGES = 20;

  private final JiraApi api;
  private final JiraConfig config;
  private final PluginContext context;
  private final IssueLinks links;
  private final StatusMirror mirror;
  private final CommentNotes comments;

  JiraPoller(JiraApi api, JiraConfig config, PluginContext context, IssueLinks links, StatusMirror mirror,
      CommentNotes comments) {
    this.api = api;
    this.config = config;
    this.context = context;
    this.links = links;
    this.mirror = mirror;
    this.comments = comments;
  }

  /** The lease is never released: it expires after the interval, which is what spaces the polls. */
  void poll() {
    if (config.pollInterval().isEmpty()) {
      return;
    }
    Duration interval = config.pollInterval().get();
    if (!new Lease(context.mappings(), "poll", context.clock()).tryAcquire(interval)) {
      return;
    }
    try {
      long lookBackMinutes = interval.toMinutes() + 2;
      String jql = "labels = \"deskbridge\" AND updated >= \"-" + lookBackMinutes + "m\" ORDER BY updated ASC";
      String next = null;
      for (int page = 0; page < MAX_PAGES; page++) {
        JsonObject found = api.get(searchPath(jql, next, page));
        found.getJsonArray("issues").forEach(this::follow);
        next = nextPage(found, page);
        if (next == null) {
          return;
        }
      }
    } catch (JiraCallFailed e) {
      LOG.log(Level.WARNING, () -> "Polling Jira for tenant " + context.tenantSlug() + " failed: " + e.getMessage());
    }
  }

  private String searchPath(String jql, String next, int page) {
    String query = "?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&fields=status&maxResults=" + PAGE;
    if (config.isCloud()) {
      return "/search/jql" + query + (next == null ? "" : "&nextPageToken=" + URLEncoder.encode(next,
          StandardCharsets.UTF_8));
    }
    return "/search" + query + "&startAt=" + page * PAGE;
  }

  /** Cloud pages by token (absent on the last page), Data Center by offset and total. */
  private String nextPage(JsonObject found, int page) {
    if (config.isCloud()) {
      return found.getBoolean("isLast", true) ? null : found.getString("nextPageToken", null);
    }
    return (page + 1) * PAGE < found.getInt("total", 0) ? "more" : null;
  }

  private void follow(JsonValue value) {
    JsonObject issue = value.asJsonObject();
    String key = issue.getString("key");
    links.conversationOf(key).ifPresent(conversation -> {
      JsonObject page = api.get("/issue/" + key + "/comment?orderBy=created&maxResults=" + PAGE);
      JsonArray found = page.getJsonArray("comments");
      if (found != null) {
        found.forEach(c -> comments.note(conversation, key, c.asJsonObject()));
      }
      IssueStatus.of(issue.getJsonObject("fields")).ifPresent(s -> mirror.apply(conversation, key, s));
    });
  }
}
