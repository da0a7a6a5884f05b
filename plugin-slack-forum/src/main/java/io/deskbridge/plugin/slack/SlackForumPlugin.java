package io.deskbridge.plugin.slack;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.event.SlaWarned;
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
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One tenant's #forum. It listens to public messages (a customer starts waiting, an agent answers),
 * closings and SLA warnings; agents ask with {@code slack-forum.ask} and look up
 * {@code slack-forum.similar}; colleagues' thread replies arrive on the events URL.
 */
final class SlackForumPlugin implements Plugin {

  static final String ASK = "ask";
  static final String SIMILAR = "similar";

  private static final List<AgentAction> ACTIONS = List.of(
      new AgentAction(ASK, "Ask colleagues in #forum", List.of(
          ConfigProperty.of("question", ConfigType.STRING, "Question").required()
              .help("What you need to know; posted to the channel with the plan, category and a link.")
              .build())),
      new AgentAction(SIMILAR, "Similar questions answered in #forum", List.of()));

  private final SlackForumConfig config;
  private final PluginContext context;
  private final SlackApi api;
  private final ForumThreads threads;
  private final ForumMemory memory;
  private final Asking asking;
  private final Unanswered unanswered;
  private final EventsHook hook;
  private final ForumReplies replies;

  SlackForumPlugin(PluginContext context, SlackForumConfig config) {
    this.config = config;
    this.context = context;
    this.api = new SlackApi(config, context.pacers());
    Clock clock = context.clock();
    this.threads = new ForumThreads(context.mappings(), clock);
    this.memory = new ForumMemory(context.mappings());
    this.asking = new Asking(config, context, api, threads, memory);
    this.unanswered = new Unanswered(config.autoAfter().orElse(null), context, clock, threads);
    this.hook = new EventsHook(new RequestSignature(config.signingSecret().reveal(), clock), context,
        threads);
    this.replies = new ForumReplies(context, api, memory);
  }

  @Override
  public boolean wants(DomainEvent event) {
    if (event instanceof MessageAdded m) {
      return !m.isInternal() && !m.cameFrom(SlackForumPluginFactory.ID)
          && (m.authorType() == AuthorType.AGENT || m.authorType() == AuthorType.CUSTOMER
              && config.autoAfter().isPresent());
    }
    return event instanceof ConversationClosed
        || event instanceof SlaWarned && config.autoAfter().isPresent() && config.askOnSlaWarning();
  }

  @Override
  public DeliveryResult deliver(Delivery delivery) {
    try {
      if (delivery.domainEvent().isPresent()) {
        on(delivery.domainEvent().get());
        return DeliveryResult.done();
      }
      ActionRequest action = delivery.agentAction().orElseThrow();
      switch (action.actionId()) {
        case ASK -> asking.ask(action.conversationId(), Optional.ofNullable(action.input().get("question")),
            action.agentId());
        case Unanswered.AUTO -> asking.ask(action.conversationId(), Optional.empty(), null);
        case SIMILAR -> replies.similar(action.conversationId());
        case EventsHook.REPLY -> replies.note(action.conversationId(), action.input());
        default -> {
          return DeliveryResult.failed("Slack #forum has no action '" + action.actionId() + "'");
        }
      }
      return DeliveryResult.done();
    } catch (SlackCallFailed e) {
      return e.result();
    }
  }

  private void on(DomainEvent event) {
    if (event instanceof MessageAdded m && m.authorType() == AuthorType.CUSTOMER) {
      unanswered.waiting(m.conversationId());
    } else if (event instanceof MessageAdded m) {
      unanswered.answered(m.conversationId());
      asking.markAnswered(m.conversationId(), Optional.ofNullable(m.authorAgentId())
          .flatMap(context.directory()::agentName).orElse("an agent"));
    } else if (event instanceof ConversationClosed c) {
      unanswered.answered(c.conversationId());
      asking.markAnswered(c.conversationId(), "closing the conversation");
    } else if (event instanceof SlaWarned s) {
      asking.ask(s.conversationId(), Optional.empty(), null);
    }
  }

  @Override
  public ConnectionCheck testConnection() {
    try {
      return ConnectionCheck.ok("Connected to Slack as " + api.whoAmI());
    } catch (SlackCallFailed e) {
      return ConnectionCheck.failed(e.getMessage());
    }
  }

  @Override
  public List<AgentAction> actions() {
    return ACTIONS;
  }

  @Override
  public WebhookResponse handleWebhook(WebhookRequest request) {
    // The platform hands the rest of the path without its slash; a test server may keep it.
    if (!request.path().replaceFirst("^/", "").equals("events")) {
      return WebhookResponse.notFound();
    }
    return hook.handle(request);
  }

  @Override
  public void poll() {
    if (config.autoAfter().isPresent()) {
      unanswered.tick();
    }
  }

  @Override
  public List<ExternalLink> conversationLinks(long conversationId) {
    return threads.postOf(conversationId).map(post -> new ExternalLink(SlackForumPluginFactory.ID,
        post.channel() + "/" + post.ts(), post.permalink(),
        threads.isAnswered(conversationId) ? "answered" : "asked")).stream().toList();
  }

  @Override
  public void close() {
    api.close();
  }
}
