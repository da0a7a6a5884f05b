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
import io.deskbridge.core.plugin.spi.TokenVault;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's amoCRM. In {@code notes} mode conversations become leads with notes; in {@code chat}
 * mode they also become chats in amoCRM's own inbox, and managers' answers there reach the customer.
 */
final class AmoCrmPlugin implements Plugin {

  private final AmoCrmConfig config;
  private final PluginContext context;
  private final HttpClient http;
  private final Crm crm;
  private final LeadSync sync;
  private final InboundHook hook;
  private final ChatInbox chat;
  private final ChatHook chatHook;
  private final boolean followsAssignment;
  private final boolean copiesProfile;
  private final OAuthTokens oauth;

  AmoCrmPlugin(PluginContext context, AmoCrmConfig config) {
    this.config = config;
    this.context = context;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    RequestPacer pacer = context.pacer("api", AmoCrmPluginFactory.REQUESTS_PER_SECOND);
    this.oauth = config.isOAuth()
        ? new OAuthTokens(config, context.mappings(),
            new TokenVault("amocrm-tokens", config.clientSecret().orElseThrow().reveal(), context.tenantSlug()), context.clock(),
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
    if (config.isChat()) {
      ChannelSignature signature = new ChannelSignature(config.channelSecret().orElseThrow().reveal());
      AmojoApi amojo = new AmojoApi(config.amojoBaseUrl().orElseThrow().toString(), signature, pacer, http,
          context.clock());
      this.chat = new ChatInbox(amojo, crm, sync, config, context);
      this.chatHook = new ChatHook(signature, context);
    } else {
      this.chat = null;
      this.chatHook = null;
    }
  }

  /** A manager's answer brought in from amoCRM's chat is never sent back to amoCRM. */
  @Override
  public boolean wants(DomainEvent event) {
    if (!config.syncs(event.type())) {
      return false;
    }
    return event instanceof ConversationCreated || event instanceof ConversationClosed
        || event instanceof ConversationAssigned && followsAssignment
        || event instanceof CustomerUpdated && copiesProfile
        || event instanceof MessageAdded m && !m.cameFrom(AmoCrmPluginFactory.ID)
            && (!m.isInternal() || config.syncInternalNotes());
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    try {
      DomainEvent event = delivery.domainEvent().orElse(null);
      if (delivery.agentAction().filter(a -> a.actionId().equals(ChatInbox.MANAGER_REPLY)).isPresent()
          && chat != null) {
        chat.deliverManagerReply(delivery.agentAction().get());
      } else if (event instanceof ConversationCreated c) {
        if (chat != null) {
          chat.open(c.conversationId(), Optional.of(c.customerId()), c.channel());
        } else {
          sync.leadOf(c.conversationId(), Optional.of(c.customerId()), c.channel());
        }
      } else if (event instanceof MessageAdded m && wants(m)) {
        // Internal notes never enter the chat, which mirrors what the customer sees; at most a lead note.
        if (chat != null && !m.isInternal()) {
          chat.send(m);
        } else {
          sync.message(m);
        }
      } else if (event instanceof ConversationClosed c) {
        sync.closed(c);
      } else if (event instanceof ConversationAssigned a) {
        sync.assigned(a);
      } else if (event instanceof CustomerUpdated u) {
        sync.customerUpdated(u);
      } else if (delivery.agentAction().isPresent()) {
        return DeliveryResult.failed("amoCRM has no action '" + delivery.agentAction().get().actionId()
            + "' in " + config.mode() + " mode");
      }
      return DeliveryResult.done();
    } catch (AmoCallFailed e) {
      return e.result();
    }
  }

  /**
   * A burst of a conversation's messages that become lead notes goes out as one request (amoCRM takes
   * arrays), which keeps a busy chat under the 7 requests a second; anything else is delivered alone.
   * A failed run answers for its first job only, so the others come again, in order, untouched.
   */
  @Override
  public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
    List<DeliveryResult> results = new ArrayList<>();
    int next = 0;
    while (next < deliveries.size()) {
      List<MessageAdded> run = new ArrayList<>();
      for (int i = next; i < deliveries.size() && becomesLeadNote(deliveries.get(i)); i++) {
        run.add((MessageAdded) deliveries.get(i).domainEvent().orElseThrow());
      }
      DeliveryResult result;
      if (run.size() > 1) {
        try {
          sync.messages(run);
          result = DeliveryResult.done();
        } catch (AmoCallFailed e) {
          result = e.result();
        }
      } else {
        run = List.of();
        result = deliver(deliveries.get(next));
      }
      if (result.outcome() != DeliveryResult.Outcome.DONE) {
        results.add(result);
        return results;
      }
      int answered = Math.max(1, run.size());
      for (int i = 0; i < answered; i++) {
        results.add(result);
      }
      next += answered;
    }
    return results;
  }

  private boolean becomesLeadNote(Delivery delivery) {
    return delivery.domainEvent().orElse(null) instanceof MessageAdded m && wants(m)
        && (chat == null || m.isInternal());
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
      String connected = "Connected to amoCRM account " + account.getString("name", "") + " (" + id + ")";
      return ConnectionCheck.ok(chat == null ? connected
          : connected + "; chat channel connected (scope " + chat.connectedScope() + ")");
    } catch (AmoCallFailed e) {
      return ConnectionCheck.failed(e.getMessage());
    }
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    if (request.path().equals("chat")) {
      return chatHook == null ? WebhookResponse.notFound() : chatHook.handle(request);
    }
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
