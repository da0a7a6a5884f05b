package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.Mappings;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The agent's actions: escalate a conversation to a new issue, link an existing issue, unlink. A
 * job may run twice (double click, crash after Jira answered), so a create first looks at the
 * mappings, then searches Jira for the conversation's label, and only then creates.
 */
final class Escalation {

  private static final String SENDING = "issue-sending";
  /** Cloud's search is eventually consistent: an issue created a moment ago may not show yet. */
  private static final int SEARCHES_BEFORE_CREATING_AGAIN = 3;
  private static final Duration SEARCH_LAG = Duration.ofSeconds(10);

  private final JiraApi api;
  private final JiraConfig config;
  private final IssueLinks links;
  private final Mappings mappings;
  private final DialogLink dialog;
  private final EscalationBrief brief;

  Escalation(JiraApi api, JiraConfig config, IssueLinks links, Mappings mappings, DialogLink dialog,
      EscalationBrief brief) {
    this.api = api;
    this.config = config;
    this.links = links;
    this.mappings = mappings;
    this.dialog = dialog;
    this.brief = brief;
  }

  void create(ActionRequest request) {
    long conversationId = request.conversationId();
    Optional<String> linked = links.issueOf(conversationId);
    if (linked.isPresent()) {
      // A double click: the issue exists; refreshing its link back is harmless (same globalId).
      dialog.attach(linked.get(), conversationId, "Escalated from Deskbridge");
      return;
    }
    String key = findByLabel(conversationId).orElseGet(() -> createIssue(request));
    links.link(conversationId, key);
    mappings.remember(SENDING, Long.toString(conversationId), "0");
    refreshStatus(key);
    dialog.attach(key, conversationId, "Escalated from Deskbridge");
  }

  /**
   * An earlier attempt that may have created the issue left a count here; while Jira's search may
   * still lag behind that create, the job waits instead of creating a second issue.
   */
  private String createIssue(ActionRequest request) {
    String conversation = Long.toString(request.conversationId());
    int searched = mappings.remoteId(SENDING, conversation).map(Integer::parseInt).orElse(0);
    if (searched > 0 && searched < SEARCHES_BEFORE_CREATING_AGAIN && config.isCloud()) {
      mappings.remember(SENDING, conversation, Integer.toString(searched + 1));
      throw JiraCallFailed.retry(SEARCH_LAG, "An earlier attempt may have created the issue; waiting for Jira's"
          + " search to show it before creating one", 0);
    }
    mappings.remember(SENDING, conversation, "1");
    JsonObject fields = brief.fields(request.conversationId(), request.input().get("summary"),
        request.input().get("description"), Boolean.parseBoolean(request.input().get("includeInternal")));
    try {
      return api.post("/issue", fields, null).getString("key");
    } catch (JiraCallFailed e) {
      if (e.status() >= 400 && e.status() < 500) {
        // Jira refused it, so nothing was created: the next attempt need not wait for the search.
        mappings.remember(SENDING, conversation, "0");
      }
      throw e;
    }
  }

  private Optional<String> findByLabel(long conversationId) {
    String jql = "labels = \"" + brief.conversationLabel(conversationId) + "\" ORDER BY created ASC";
    String query = "?jql=" + URLEncoder.encode(jql, StandardCharsets.UTF_8) + "&fields=status&maxResults=1";
    JsonObject found = api.get((config.isCloud() ? "/search/jql" : "/search") + query);
    JsonArray issues = found.getJsonArray("issues");
    return issues == null || issues.isEmpty() ? Optional.empty()
        : Optional.of(issues.getJsonObject(0).getString("key"));
  }

  /** Links an issue someone already filed; a conversation has one issue, so an earlier one is unlinked. */
  void linkExisting(ActionRequest request) {
    String key = request.input().getOrDefault("issueKey", "").strip().toUpperCase(java.util.Locale.ROOT);
    if (!key.matches("[A-Z][A-Z0-9_]+-\\d+")) {
      throw JiraCallFailed.failed("'" + key + "' is not a Jira issue key such as SUP-17", 0);
    }
    JsonObject issue = api.find("/issue/" + key + "?fields=status")
        .orElseThrow(() -> JiraCallFailed.failed("Jira has no issue " + key + " visible to the configured account",
            404));
    long conversationId = request.conversationId();
    links.issueOf(conversationId).filter(previous -> !previous.equals(key))
        .ifPresent(previous -> unlink(conversationId, previous));
    links.link(conversationId, key);
    IssueStatus.of(issue.getJsonObject("fields")).ifPresent(s -> links.rememberStatus(key, s));
    dialog.attach(key, conversationId, "Linked from Deskbridge");
  }

  void unlink(ActionRequest request) {
    links.issueOf(request.conversationId()).ifPresent(key -> unlink(request.conversationId(), key));
  }

  private void unlink(long conversationId, String key) {
    try {
      dialog.detach(key, conversationId);
    } catch (JiraCallFailed e) {
      if (e.status() != 404) {
        throw e;
      }
    }
    links.unlink(conversationId, key);
  }

  void refreshStatus(String key) {
    api.find("/issue/" + key + "?fields=status").flatMap(i -> IssueStatus.of(i.getJsonObject("fields")))
        .ifPresent(s -> links.rememberStatus(key, s));
  }
}
