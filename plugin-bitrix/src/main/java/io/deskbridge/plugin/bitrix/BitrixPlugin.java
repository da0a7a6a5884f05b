package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.CardEntry;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.TokenVault;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's Bitrix24: in {@code timeline} mode conversations become leads or deals with timeline
 * comments; in {@code openlines} mode they are chats of an open line (see {@link OpenLine}).
 */
final class BitrixPlugin implements Plugin {

  private final BitrixConfig config;
  private final PluginContext context;
  private final Portal portal;
  private final CrmRecords crm;
  private final ConversationLink link;
  private final TimelineSync timeline;
  private final PortalEvents events;
  private final OpenLine openLine;

  BitrixPlugin(PluginContext context, BitrixConfig config) {
    this.config = config;
    this.context = context;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    PortalGrant grant = config.isOAuth()
        ? new PortalGrant(config, context.mappings(),
            new TokenVault("bitrix24-tokens", config.clientSecret().orElseThrow().reveal(), context.tenantSlug()), context.clock(), http)
        : null;
    PortalBucket bucket = new PortalBucket(context.pacers(), BitrixPluginFactory.BURST,
        BitrixPluginFactory.REQUESTS_PER_SECOND);
    this.portal = new Portal(config, grant != null ? grant : PortalAuth.WEBHOOK, bucket, http, context.mappings(),
        context.clock());
    this.crm = new CrmRecords(portal, config);
    this.link = new ConversationLink(crm, config, context);
    this.timeline = new TimelineSync(link, new Timeline(portal, new CommentStates(context.mappings()),
        context.mappings(), context.clock()), crm, config, context);
    this.openLine = BitrixConfig.OPENLINES.equals(config.mode()) ? new OpenLine(portal, config, context) : null;
    this.events = new PortalEvents(config, context, crm, grant, openLine);
  }

  @Override
  public boolean wants(DomainEvent event) {
    if (openLine != null) {
      // The line's own CRM settings make the lead or deal; an operator's reply is never sent back.
      return event instanceof MessageAdded m && !m.cameFrom(BitrixPluginFactory.ID) && OpenLine.isCustomerMessage(m);
    }
    return event instanceof ConversationCreated || event instanceof ConversationClosed
        || event instanceof MessageAdded m && (!m.isInternal() || config.syncInternalNotes())
        || event instanceof ConversationAssigned a && a.agentId() != null
            && config.responsibleUserFor(a.agentId()).isPresent();
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    try {
      DomainEvent event = delivery.domainEvent().orElse(null);
      if (delivery.agentAction().isPresent()) {
        ActionRequest action = delivery.agentAction().get();
        if (openLine == null || !action.actionId().equals(OpenLine.OPERATOR_REPLY)) {
          return DeliveryResult.failed("Bitrix24 has no action '" + action.actionId() + "' in this mode");
        }
        openLine.deliverOperatorReply(action);
      } else if (openLine != null) {
        if (event instanceof MessageAdded m && wants(m)) {
          openLine.customerMessage(m);
        }
      } else if (event instanceof ConversationCreated c) {
        link.entityOf(c.conversationId(), Optional.of(c.customerId()), c.channel());
      } else if (event instanceof MessageAdded m && wants(m)) {
        return timeline.message(m);
      } else if (event instanceof ConversationClosed c) {
        return timeline.closed(c);
      } else if (event instanceof ConversationAssigned a && wants(a)) {
        crm.assign(link.entityOf(a.conversationId(), Optional.empty(), null),
            config.responsibleUserFor(a.agentId()).orElseThrow());
      }
      return DeliveryResult.done();
    } catch (PortalCallFailed e) {
      return e.result();
    }
  }

  /**
   * A run of consecutive messages becomes one {@code batch}; the results answer them in order up to the
   * first that is not done, so the jobs after it come back after it (and skip what they already wrote).
   */
  @Override
  public List<DeliveryResult> deliverAll(List<Delivery> deliveries) {
    List<DeliveryResult> results = new ArrayList<>();
    int next = 0;
    while (next < deliveries.size()) {
      List<MessageAdded> run = new ArrayList<>();
      for (int i = next; i < deliveries.size() && becomesComment(deliveries.get(i)); i++) {
        run.add((MessageAdded) deliveries.get(i).domainEvent().orElseThrow());
      }
      List<DeliveryResult> answered;
      if (run.size() > 1) {
        try {
          answered = timeline.messages(run);
        } catch (PortalCallFailed e) {
          answered = List.of(e.result());
        }
      } else {
        answered = List.of(deliver(deliveries.get(next)));
      }
      for (DeliveryResult result : answered) {
        results.add(result);
        if (result.outcome() != DeliveryResult.Outcome.DONE) {
          return results;
        }
      }
      next += answered.size();
    }
    return results;
  }

  private boolean becomesComment(Delivery delivery) {
    return openLine == null && delivery.domainEvent().orElse(null) instanceof MessageAdded m && wants(m);
  }

  /** {@code profile} needs no scope, so it tests the address and the credentials alone. */
  @Override
  public ConnectionCheck testConnection() {
    try {
      JsonValue result = portal.call("profile", JsonValue.EMPTY_JSON_OBJECT);
      if (openLine != null) {
        openLine.ensureConnected();
      }
      JsonObject user = result.asJsonObject();
      return ConnectionCheck.ok("Connected to Bitrix24 " + config.portal()
          + (openLine != null ? ", connector on open line " + config.openLineId().orElseThrow() + "," : "") + " as " + (user.getString("NAME", "")
          + " " + user.getString("LAST_NAME", "")).trim() + " (user " + user.get("ID").toString().replace("\"", "")
          + ")");
    } catch (PortalCallFailed e) {
      return ConnectionCheck.failed(e.getMessage());
    }
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    return events.handle(request);
  }

  /** From the mappings only: the contact, the customer's latest lead or deal and its last known stage. */
  @Override
  public List<CardEntry> customerCard(long customerId) {
    List<CardEntry> lines = new ArrayList<>();
    String key = Long.toString(customerId);
    context.mappings().remoteId(ConversationLink.CONTACT, key).ifPresent(id -> lines.add(
        new CardEntry("Bitrix24 contact", "#" + id, config.portal() + "/crm/contact/details/" + id + "/")));
    context.mappings().remoteId(ConversationLink.CUSTOMER_ENTITY, key).map(CrmEntity::parse).ifPresent(entity -> {
      String stage = context.mappings().remoteId(ConversationLink.STAGE, entity.key()).map(s -> ", stage " + s)
          .orElse("");
      lines.add(new CardEntry("Bitrix24 " + entity.type(), "#" + entity.id() + stage, entity.link(config.portal())));
    });
    return lines;
  }
}
