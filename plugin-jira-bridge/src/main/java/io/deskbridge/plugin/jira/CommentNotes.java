package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginContext;
import jakarta.json.JsonObject;

/**
 * Jira comments as internal notes, each once: Jira sends a comment twice (comment_created and
 * issue_commented), retries webhooks, and polling sees it again; the comment's id decides.
 */
final class CommentNotes {

  private static final String NOTED = "comment";

  private final PluginContext context;

  CommentNotes(PluginContext context) {
    this.context = context;
  }

  void note(long conversationId, String issueKey, JsonObject comment) {
    String id = comment.getString("id", null);
    if (id == null || !context.mappings().compareAndSet(NOTED, issueKey + "/" + id, null, "noted")) {
      return;
    }
    JsonObject author = comment.get("author") instanceof JsonObject a ? a : JsonObject.EMPTY_JSON_OBJECT;
    context.notes().addInternalNote(conversationId, "Jira " + issueKey + ", comment by "
        + author.getString("displayName", "someone") + ": " + AdfText.plain(comment.get("body")));
  }
}
