package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.PluginContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The remote link on an issue that opens the conversation in Deskbridge. Its {@code globalId} is
 * stable per tenant and conversation, so posting it again updates the link instead of adding one.
 */
final class DialogLink {

  private final JiraApi api;
  private final JiraConfig config;
  private final PluginContext context;

  DialogLink(JiraApi api, JiraConfig config, PluginContext context) {
    this.api = api;
    this.config = config;
    this.context = context;
  }

  String globalId(long conversationId) {
    return "system=deskbridge&tenant=" + context.tenantSlug() + "&conversation=" + conversationId;
  }

  /** The dialog's address; an admin may point integrators at another host than the server's own. */
  String url(long conversationId) {
    String link = context.dialogLink(conversationId);
    return config.dialogBaseUrl().map(base -> {
      String b = base.toString();
      return (b.endsWith("/") ? b.substring(0, b.length() - 1) : b) + link.substring(context.publicUrl().length());
    }).orElse(link);
  }

  String title(long conversationId) {
    return "Deskbridge conversation #" + conversationId;
  }

  void attach(String issueKey, long conversationId, String summary) {
    JsonObject link = Json.createObjectBuilder()
        .add("globalId", globalId(conversationId))
        .add("application", Json.createObjectBuilder().add("type", "com.deskbridge").add("name", "Deskbridge"))
        .add("relationship", "support conversation")
        .add("object", Json.createObjectBuilder().add("url", url(conversationId)).add("title", title(conversationId))
            .add("summary", summary)
            .add("status", Json.createObjectBuilder().add("resolved", false)))
        .build();
    api.post("/issue/" + issueKey + "/remotelink", link, null);
  }

  void detach(String issueKey, long conversationId) {
    api.delete("/issue/" + issueKey + "/remotelink?globalId="
        + URLEncoder.encode(globalId(conversationId), StandardCharsets.UTF_8));
  }
}
