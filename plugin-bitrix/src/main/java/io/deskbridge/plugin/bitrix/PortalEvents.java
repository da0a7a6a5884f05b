package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.FormBody;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;

/**
 * Bitrix24's calls to {@code /hooks/{tenant}/bitrix24/events} (event.bind handlers and outgoing
 * webhooks) and {@code /hooks/{tenant}/bitrix24/install} (ONAPPINSTALL). Both are form-encoded and
 * unsigned: the portal's application token is the only proof, compared in constant time.
 */
final class PortalEvents {

  private final BitrixConfig config;
  private final PluginContext context;
  private final Mappings mappings;
  private final CrmRecords crm;
  private final PortalGrant grant;
  private final OpenLine openLine;

  /**
   * @param grant the installed app's tokens; null with an inbound webhook
   * @param openLine the connector in openlines mode, else null
   */
  PortalEvents(BitrixConfig config, PluginContext context, CrmRecords crm, PortalGrant grant, OpenLine openLine) {
    this.openLine = openLine;
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
    this.crm = crm;
    this.grant = grant;
  }

  WebhookResponse handle(WebhookRequest request) {
    if (!request.method().equals("POST")) {
      return WebhookResponse.notFound();
    }
    FormBody form = new FormBody(new String(request.body(), StandardCharsets.UTF_8));
    return switch (request.path()) {
      case "events" -> events(form);
      case "install" -> grant == null ? WebhookResponse.notFound() : install(form);
      default -> WebhookResponse.notFound();
    };
  }

  private WebhookResponse events(FormBody form) {
    Optional<WebhookResponse> rejected = rejection(form);
    if (rejected.isPresent()) {
      return rejected.get();
    }
    String event = form.get("event").orElse("").toUpperCase(Locale.ROOT);
    if (event.equals("ONAPPUNINSTALL") && grant != null) {
      grant.forget();
      return WebhookResponse.ok("{}");
    }
    if (event.equals(OpenLine.EVENT)) {
      return openLine == null ? WebhookResponse.ok("{}") : openLine.operatorReply(form);
    }
    Optional<Long> id = form.get("data[FIELDS][ID]").filter(s -> s.matches("\\d+")).map(Long::parseLong);
    try {
      if (id.isPresent() && event.equals("ONCRMDEALUPDATE")) {
        stageMayHaveChanged(new CrmEntity(BitrixConfig.DEAL, id.get()));
      } else if (id.isPresent() && event.equals("ONCRMLEADUPDATE")) {
        stageMayHaveChanged(new CrmEntity(BitrixConfig.LEAD, id.get()));
      }
    } catch (PortalCallFailed e) {
      return new WebhookResponse(503, "text/plain", "could not read the record from Bitrix24");
    }
    return WebhookResponse.ok("{}");
  }

  /** Why an event is not believed: no token to compare with (403), another token (401), another portal (403). */
  private Optional<WebhookResponse> rejection(FormBody form) {
    Optional<String> expected = config.applicationToken().map(s -> s.reveal())
        .or(() -> grant == null ? Optional.empty() : grant.applicationToken());
    if (expected.isEmpty()) {
      return Optional.of(new WebhookResponse(403, "text/plain", "no application token is configured for Bitrix24"
          + " events"));
    }
    if (!sameToken(form.get("auth[application_token]"), expected.get())) {
      return Optional.of(WebhookResponse.unauthorized());
    }
    Optional<String> domain = mappings.remoteId("app", "domain");
    if (domain.isPresent() && !domain.equals(form.get("auth[domain]"))) {
      return Optional.of(new WebhookResponse(403, "text/plain", "not the connected Bitrix24 portal"));
    }
    return Optional.empty();
  }

  /** An update event holds only the id: read the stage, and note it when it differs from the last one known. */
  private void stageMayHaveChanged(CrmEntity entity) {
    Optional<String> conversation = mappings.remoteId(ConversationLink.ENTITY, entity.key());
    if (conversation.isEmpty()) {
      return;
    }
    String stage = crm.stageOf(entity);
    Optional<String> known = mappings.remoteId(ConversationLink.STAGE, entity.key());
    if (stage.isEmpty() || known.filter(stage::equals).isPresent()) {
      return;
    }
    // Bitrix24 may send one change as several update events, to several servers: one note per change.
    if (!mappings.compareAndSet(ConversationLink.STAGE, entity.key(), known.orElse(null), stage)) {
      return;
    }
    context.notes().addInternalNote(Long.parseLong(conversation.get()), "Bitrix24: " + entity.label()
        + " moved to stage " + stage + known.map(k -> " (was " + k + ")").orElse("") + ". "
        + entity.link(config.portal()));
  }

  /** ONAPPINSTALL: the app's tokens, kept sealed for the calls and events to come. */
  private WebhookResponse install(FormBody form) {
    Optional<String> token = form.get("auth[application_token]");
    Optional<String> access = form.get("auth[access_token]");
    Optional<String> refresh = form.get("auth[refresh_token]");
    if (!"ONAPPINSTALL".equalsIgnoreCase(form.get("event").orElse("")) || token.isEmpty() || access.isEmpty()
        || refresh.isEmpty()) {
      return new WebhookResponse(400, "text/plain", "not an ONAPPINSTALL event with tokens");
    }
    if (!isTrustedInstall(token.get())) {
      return WebhookResponse.unauthorized();
    }
    long expiresIn = form.get("auth[expires_in]").filter(s -> s.matches("\\d+")).map(Long::parseLong).orElse(3600L);
    grant.install(access.get(), refresh.get(), expiresIn);
    form.get("auth[domain]").ifPresent(d -> mappings.remember("app", "domain", d));
    return WebhookResponse.ok("{}");
  }

  /** With a configured token, only that one; without, the first install, then installs with its token. */
  private boolean isTrustedInstall(String token) {
    Optional<String> configured = config.applicationToken().map(s -> s.reveal());
    if (configured.isPresent()) {
      return sameToken(Optional.of(token), configured.get());
    }
    return grant.adoptApplicationToken(token) || sameToken(Optional.of(token), grant.applicationToken().orElse(""));
  }

  private static boolean sameToken(Optional<String> given, String expected) {
    return given.isPresent() && MessageDigest.isEqual(given.get().getBytes(StandardCharsets.UTF_8),
        expected.getBytes(StandardCharsets.UTF_8));
  }
}
