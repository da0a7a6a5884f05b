package io.deskbridge.plugin.jira;

import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.AgentAction;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.ConnectionCheck;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.ExternalLink;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.WebhookResponse;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * One tenant's Jira. It subscribes to no events: work starts when an agent presses one of its
 * actions on a conversation, and comes back through the webhook.
 */
final class JiraPlugin implements Plugin {

  static final String CREATE = "create";
  static final String LINK = "link";
  static final String UNLINK = "unlink";

  private static final List<AgentAction> ACTIONS = List.of(
      new AgentAction(CREATE, "Create Jira task", List.of(
          ConfigProperty.of("summary", ConfigType.STRING, "Summary")
              .help("Empty: the conversation's subject, or its number and customer.").build(),
          ConfigProperty.of("description", ConfigType.STRING, "Description")
              .help("Your words first; the customer, plan, category and messages follow.").build(),
          ConfigProperty.of("includeInternal", ConfigType.BOOLEAN, "Include internal notes")
              .defaultValue("false").help("Internal notes are staff-only; Jira gets them only if ticked.")
              .build())),
      new AgentAction(LINK, "Link Jira issue", List.of(
          ConfigProperty.of("issueKey", ConfigType.STRING, "Issue key").required().help("e.g. SUP-17").build())),
      new AgentAction(UNLINK, "Unlink Jira issue", List.of()));

  private final JiraConfig config;
  private final JiraApi api;
  private final IssueLinks links;
  private final Escalation escalation;
  private final StatusMirror mirror;
  private final JiraHook hook;
  private final JiraPoller poller;

  JiraPlugin(PluginContext context, JiraConfig config) {
    this.config = config;
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    this.api = new JiraApi(config, context.pacer("api", JiraPluginFactory.REQUESTS_PER_SECOND), http);
    this.links = new IssueLinks(context.mappings());
    DialogLink dialog = new DialogLink(api, config, context);
    this.escalation = new Escalation(api, config, links, context.mappings(), dialog,
        new EscalationBrief(config, context, dialog));
    this.mirror = new StatusMirror(links, config, context);
    CommentNotes comments = new CommentNotes(context);
    this.hook = new JiraHook(config, context, links, mirror, comments);
    this.poller = new JiraPoller(api, config, context, links, mirror, comments);
  }

  @Override
  public boolean wants(DomainEvent event) {
    return false;
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    if (delivery.agentAction().isEmpty()) {
      return DeliveryResult.done();
    }
    ActionRequest action = delivery.agentAction().get();
    try {
      switch (action.actionId()) {
        case CREATE -> escalation.create(action);
        case LINK -> escalation.linkExisting(action);
        case UNLINK -> escalation.unlink(action);
        case JiraHook.REFRESH -> refresh(action);
        default -> {
          return DeliveryResult.failed("Jira has no action '" + action.actionId() + "'");
        }
      }
      return DeliveryResult.done();
    } catch (JiraCallFailed e) {
      return e.result();
    }
  }

  /** A webhook that lacked the status category: look the issue up and mirror what Jira says. */
  private void refresh(ActionRequest action) {
    String key = action.input().get("issueKey");
    links.conversationOf(key).filter(c -> c == action.conversationId()).ifPresent(conversation ->
        api.find("/issue/" + key + "?fields=status")
            .flatMap(issue -> IssueStatus.of(issue.getJsonObject("fields")))
            .ifPresent(status -> mirror.apply(conversation, key, status)));
  }

  @Override
  public ConnectionCheck testConnection() {
    try {
      JsonObject me = api.get("/myself");
      return ConnectionCheck.ok("Connected to Jira " + (config.isCloud() ? "Cloud" : "Data Center") + " as "
          + me.getString("displayName", me.getString("name", "?")));
    } catch (JiraCallFailed e) {
      return ConnectionCheck.failed(e.getMessage());
    }
  }

  @Override
  public List<AgentAction> actions() {
    return ACTIONS;
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    if (!request.path().isEmpty() && !request.path().equals("/")) {
      return WebhookResponse.notFound();
    }
    return hook.handle(request);
  }

  @Override
  public void poll() {
    poller.poll();
  }

  @Override
  public List<ExternalLink> conversationLinks(long conversationId) {
    return links.issueOf(conversationId).map(key -> new ExternalLink(JiraPluginFactory.ID, key,
        config.browseUrl(key), links.status(key).map(IssueStatus::name).orElse(null))).stream().toList();
  }
}
