package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.plugin.spi.FormBody;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * amoCRM's calls to {@code /hooks/{tenant}/amocrm/{webhookToken}[/oauth]}. Account webhooks carry no
 * signature, so the secret path is the proof, then the account id must be the connected account's.
 */
final class InboundHook {

  private final AmoCrmConfig config;
  private final PluginContext context;
  private final Mappings mappings;
  private final Supplier<Long> connectedAccount;
  private final OAuthTokens oauth;

  InboundHook(AmoCrmConfig config, PluginContext context, Supplier<Long> connectedAccount, OAuthTokens oauth) {
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
    this.connectedAccount = connectedAccount;
    this.oauth = oauth;
  }

  WebhookResponse handle(WebhookRequest request) {
    if (config.webhookToken().isEmpty()) {
      return WebhookResponse.notFound();
    }
    String[] parts = request.path().split("/", 2);
    if (!MessageDigest.isEqual(parts[0].getBytes(StandardCharsets.UTF_8),
        config.webhookToken().get().reveal().getBytes(StandardCharsets.UTF_8))) {
      return WebhookResponse.unauthorized();
    }
    if (parts.length == 2 && parts[1].equals("oauth") && request.method().equals("GET")) {
      return consent(new FormBody(request.query() == null ? "" : request.query()));
    }
    if (parts.length > 1 || !request.method().equals("POST")) {
      return WebhookResponse.notFound();
    }
    return events(new FormBody(new String(request.body(), StandardCharsets.UTF_8)));
  }

  private WebhookResponse consent(FormBody query) {
    Optional<String> code = query.get("code");
    if (oauth == null || code.isEmpty()) {
      return new WebhookResponse(400, "text/plain", "No authorisation code, or the module is not set to OAuth.");
    }
    try {
      oauth.exchangeCode(code.get());
    } catch (AmoCallFailed e) {
      return new WebhookResponse(502, "text/plain", "amoCRM refused the code: " + e.getMessage());
    }
    return new WebhookResponse(200, "text/plain", "amoCRM is connected to Deskbridge. You may close this page.");
  }

  private WebhookResponse events(FormBody form) {
    Optional<String> account = form.get("account[id]");
    long expected;
    try {
      expected = connectedAccount.get();
    } catch (AmoCallFailed e) {
      return new WebhookResponse(503, "text/plain", "the connected account is not known yet");
    }
    if (account.isEmpty() || !account.get().equals(Long.toString(expected))) {
      return new WebhookResponse(403, "text/plain", "not the connected amoCRM account");
    }
    for (int i : form.indexes("leads[status]")) {
      String item = "leads[status][" + i + "]";
      statusChanged(form.get(item + "[id]").orElse(""), form.get(item + "[status_id]").orElse("?"),
          form.get(item + "[old_status_id]").orElse("?"), form.get(item + "[last_modified]")
              .or(() -> form.get(item + "[updated_at]")).orElse(""));
    }
    return WebhookResponse.ok("{}");
  }

  private void statusChanged(String leadId, String status, String oldStatus, String modifiedAt) {
    Optional<String> conversation = mappings.remoteId(LeadSync.LEAD, leadId);
    if (conversation.isEmpty()) {
      return;
    }
    // amoCRM redelivers a webhook it thinks failed: note each change once.
    if (!mappings.compareAndSet("lead-status", leadId + ":" + status + ":" + modifiedAt, null, "noted")) {
      return;
    }
    context.notes().addInternalNote(Long.parseLong(conversation.get()), "amoCRM: lead #" + leadId
        + " moved to stage " + status + " (was " + oldStatus + "). " + config.base() + "/leads/detail/" + leadId);
  }
}
