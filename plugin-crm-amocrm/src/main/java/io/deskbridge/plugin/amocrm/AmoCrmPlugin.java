package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.RequestPacer;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** One tenant's amoCRM in {@code notes} mode: conversations become leads with notes. */
final class AmoCrmPlugin implements Plugin {

  private final AmoCrmConfig config;
  private final PluginContext context;
  private final HttpClient http;
  private final Crm crm;
  private final LeadSync sync;
  private final InboundHook hook;
  private final boolean followsAssignment;
  private final boolean copiesProfile;
  private final OAuthTokens oauth;

  AmoCrmPlugin(PluginContext context, AmoCrmConfig config) {
    this.config = config;
    this.context = context;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    RequestPacer pacer = new RequestPacer(AmoCrmPluginFactory.REQUESTS_PER_SECOND);
    this.oauth = config.isOAuth()
        ? new OAuthTokens(config, context.mappings(),
            new TokenVault(config.clientSecret().orElseThrow().reveal(), context.tenantSlug()), context.clock(),
            pacer, http)
        : null;
    AccessTokens tokens = oauth != null ? oauth
        : AccessTokens.fixed(config.accessToken().map(s -> s.reveal()).orElse(""));
    this.crm = new Crm(new AmoApi(config.base(), tokens, pacer, http), config);
    LeadRules rules = LeadRules.from(context.config());
    this.followsAssignment = rules.responsibleUser(context).followsAssignment();
    this.copiesProfile = !rules.contactProfile().isEmpty();
    this.sync = new LeadSync(crm, context, rules, rules.leadPolicy(config));
    this.hook = new InboundHook(config, context, this::accountId, oauth);
  }

  @Override
  public boolean wants(DomainEvent event) {
    return event instanceof ConversationCreated || event instanceof ConversationClosed
        || event instanceof ConversationAssigned && followsAssignment
        || event instanceof CustomerUpdated && copiesProfile
        || event instanceof MessageAdded m && (!m.isInternal() || config.syncInternalNotes());
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    try {
      DomainEvent event = delivery.domainEvent().orElse(null);
      if (event instanceof ConversationCreated c) {
        sync.leadOf(c.conversationId(), Optional.of(c.customerId()), c.channel());
      } else if (event instanceof MessageAdded m && wants(m)) {
        sync.message(m);
      } else if (event instanceof ConversationClosed c) {
        sync.closed(c);
      } else if (event instanceof ConversationAssigned a) {
        sync.assigned(a);
      } else if (event instanceof CustomerUpdated u) {
        sync.customerUpdated(u);
      }
      return DeliveryResult.done();
    } catch (AmoCallFailed e) {
      return e.result();
    }
  }

  @Override
  public ConnectionCheck testConnection() {
    if (oauth != null && !oauth.isConnected()) {
      return ConnectionCheck.failed("amoCRM is not connected yet: open "
          + new OAuthConsent(config, context.mappings(), context.clock()).link()
          + " within the hour and allow access; amoCRM then returns to " + config.redirectUri().orElse("")
          + ".");
    }
    try {
      JsonObject account = crm.account();
      long id = account.getJsonNumber("id").longValue();
      context.mappings().remember("account", "id", Long.toString(id));
      return ConnectionCheck.ok("Connected to amoCRM account " + account.getString("name", "") + " (" + id + ")");
    } catch (AmoCallFailed e) {
      return ConnectionCheck.failed(e.getMessage());
    }
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    return hook.handle(request);
  }

  @Override
  public List<CardEntry> customerCard(long customerId) {
    return new CustomerCard(config.base(), context.mappings()).of(customerId);
  }

  /** The account this tenant connected, asked once and then remembered (webhooks must come from it). */
  private long accountId() {
    return context.mappings().remoteId("account", "id").map(Long::parseLong).orElseGet(() -> {
      long id = crm.account().getJsonNumber("id").longValue();
      context.mappings().remember("account", "id", Long.toString(id));
      return id;
    });
  }
}
