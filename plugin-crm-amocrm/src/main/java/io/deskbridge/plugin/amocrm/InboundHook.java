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
  private final LeadEvents events;
  private final OAuthConsent consents;

  InboundHook(AmoCrmConfig config, PluginContext context, Supplier<Long> connectedAccount, OAuthTokens oauth) {
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
    this.connectedAccount = connectedAccount;
    this.oauth = oauth;
    this.events = new LeadEvents(config, context);
    this.consents = new OAuthConsent(config, mappings, context.clock());
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
      consents.accept(query.get("state"));
    } catch (OAuthConsent.Refused e) {
      return new WebhookResponse(400, "text/plain", e.getMessage());
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
    events.handle(form);
    return WebhookResponse.ok("{}");
  }
}
