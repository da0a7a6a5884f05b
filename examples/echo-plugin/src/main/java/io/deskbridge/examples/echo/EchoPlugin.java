package io.deskbridge.examples.echo;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.Json;
import java.security.MessageDigest;
import java.util.List;

/**
 * One tenant's echo module. It reacts to no domain event; its only entry point is the webhook
 * {@code POST /hooks/{tenant}/echo/notes}, which must carry the tenant's token in {@value
 * #TOKEN_HEADER}.
 */
final class EchoPlugin implements Plugin {

  static final String TOKEN_HEADER = "X-Echo-Token";

  private final PluginContext context;
  private final byte[] token;
  private final String prefix;

  EchoPlugin(PluginContext context) {
    this.context = context;
    this.token = context.config().secret(EchoPluginFactory.TOKEN.key()).reveal().getBytes(UTF_8);
    this.prefix = context.config().value(EchoPluginFactory.PREFIX.key())
        .map(String.class::cast)
        .orElse(EchoPluginFactory.PREFIX.defaultValue());
  }

  @Override
  public boolean wants(DomainEvent event) {
    return false;
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    // Unreachable while wants() is false and there are no actions; answered honestly all the same.
    return DeliveryResult.failed("echo has no outgoing jobs");
  }

  @Override
  public ConnectionCheck testConnection() {
    return ConnectionCheck.ok("Echo needs no connection");
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    if (!"POST".equalsIgnoreCase(request.method()) || !"notes".equals(withoutLeadingSlash(request.path()))) {
      return WebhookResponse.notFound();
    }
    if (!carriesToken(request)) {
      return WebhookResponse.unauthorized();
    }
    EchoRequest echo;
    try {
      echo = EchoRequest.parse(request.body());
    } catch (EchoRequest.Malformed e) {
      return badRequest(e.getMessage());
    }
    if (!context.notes().addInternalNote(echo.conversationId(), prefix + echo.text())) {
      return WebhookResponse.notFound();
    }
    context.mappings().remember(EchoPluginFactory.ID, "last-note", String.valueOf(echo.conversationId()));
    return WebhookResponse.ok("{\"noted\":true}");
  }

  @Override
  public List<CardEntry> customerCard(long customerId) {
    return List.of(new CardEntry("Echo", "installed", null));
  }

  /** Compares in constant time, so the answer's timing says nothing about how much of a guess was right. */
  private boolean carriesToken(WebhookRequest request) {
    return request.header(TOKEN_HEADER)
        .map(sent -> MessageDigest.isEqual(token, sent.getBytes(UTF_8)))
        .orElse(false);
  }

  private static String withoutLeadingSlash(String path) {
    if (path == null) {
      return "";
    }
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static WebhookResponse badRequest(String error) {
    String body = Json.createObjectBuilder().add("error", error).build().toString();
    return new WebhookResponse(400, "application/json", body);
  }
}
