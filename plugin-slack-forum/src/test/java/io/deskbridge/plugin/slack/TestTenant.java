package io.deskbridge.plugin.slack;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.CustomerReplies;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import io.deskbridge.core.plugin.spi.testing.QueuedJobs;
import io.deskbridge.core.plugin.spi.testing.RecordedNotes;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tenant "acme" as the platform hands it to the module, pointed at a {@link FakeSlack}: its
 * conversations and messages, a clock tests move, and what the module writes back (notes, jobs).
 */
final class TestTenant {

  static final long ID = 7;
  static final String SLUG = "acme";
  static final String PUBLIC_URL = "https://desk.example.test";
  /** Now, as Slack signs its events with the real time and the module refuses stale ones. */
  static final Instant OPENED = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

  final Map<String, Object> settings = new HashMap<>();
  final InMemoryMappings mappings = new InMemoryMappings();
  final RecordedNotes notes = new RecordedNotes();
  final QueuedJobs jobs = new QueuedJobs();
  /** Public replies the module posted; Slack must never post any. */
  final List<String> replies = new CopyOnWriteArrayList<>();
  final Map<Long, SupportDirectory.ConversationFacts> conversations = new ConcurrentHashMap<>();
  final Map<Long, List<SupportDirectory.MessageFacts>> messages = new ConcurrentHashMap<>();
  final MovableClock clock = new MovableClock(OPENED);

  TestTenant(FakeSlack slack) {
    settings.put("baseUrl", URI.create(slack.url()));
    settings.put("botToken", new Secret(FakeSlack.BOT_TOKEN));
    settings.put("signingSecret", new Secret(FakeSlack.SIGNING_SECRET));
    settings.put("channel", "#forum");
    settings.put("autoAfter", "PT5M");
  }

  TestTenant with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  /** Conversation 81 of Ada (plan Gold, category Billing, agent 3): one customer message, no answer yet. */
  TestTenant withAdasQuestion() {
    conversations.put(81L, new SupportDirectory.ConversationFacts(81, 40, "telegram", Optional.of("Invoice"),
        Optional.of(5L), "OPEN", OPENED, Optional.of(3L), Optional.of("Gold")));
    messages.put(81L, new ArrayList<>(List.of(new SupportDirectory.MessageFacts(1, "customer", Optional.empty(),
        false, "My invoice was charged twice, write to ada@example.com or +44 20 7946 0958", OPENED),
        new SupportDirectory.MessageFacts(2, "agent", Optional.of("Ivan"), true,
            "Internal: refund system is flaky again", OPENED.plusSeconds(30)))));
    return this;
  }

  void agentAnswers(long conversationId, String text) {
    messages.get(conversationId).add(new SupportDirectory.MessageFacts(99, "agent", Optional.of("Ivan Agent"),
        false, text, clock.instant()));
  }

  /** A module instance, as one server of the cluster would build it; all share this tenant's tables. */
  SlackForumPlugin plugin() {
    SupportDirectory directory = new SupportDirectory() {
      @Override
      public Optional<CustomerFacts> customer(long customerId) {
        return Optional.of(new CustomerFacts(customerId, "Ada Lovelace", Optional.of("ada@example.com"),
            Optional.empty(), Map.of()));
      }

      @Override
      public Optional<String> categoryName(long categoryId) {
        return categoryId == 5 ? Optional.of("Billing") : Optional.empty();
      }

      @Override
      public Optional<String> agentName(long agentId) {
        return Optional.of("Ivan Agent");
      }

      @Override
      public Optional<ConversationFacts> conversation(long conversationId) {
        return Optional.ofNullable(conversations.get(conversationId));
      }

      @Override
      public List<MessageFacts> messages(long conversationId, boolean withInternalNotes) {
        return messages.getOrDefault(conversationId, List.of()).stream()
            .filter(m -> withInternalNotes || !m.internal()).toList();
      }
    };
    return (SlackForumPlugin) new SlackForumPluginFactory().create(new PluginContext(ID, SLUG,
        new PluginConfig(settings), PUBLIC_URL, mappings, notes, clock, directory,
        (conversationId, vendorMessageId, authorName, text) -> {
          replies.add(text);
          return CustomerReplies.Receipt.posted(1);
        }, jobs, null));
  }

  static ActionRequest ask(long conversationId, String question) {
    return new ActionRequest(SlackForumPlugin.ASK, conversationId, 3L, Map.of("question", question));
  }

  static DeliveryResult deliver(SlackForumPlugin plugin, ActionRequest action) {
    return plugin.deliver(new Delivery(1, "slack-forum." + action.actionId(), 1, null, action));
  }

  static DeliveryResult deliver(SlackForumPlugin plugin, DomainEvent event) {
    return plugin.deliver(new Delivery(2, event.type(), 1, event, null));
  }

  /** Delivers the jobs the module queued for itself, as the outbox would, and forgets them. */
  List<DeliveryResult> runJobs(SlackForumPlugin plugin) {
    List<DeliveryResult> results = new ArrayList<>();
    for (ActionRequest job : List.copyOf(jobs.queued)) {
      jobs.queued.remove(job);
      results.add(deliver(plugin, job));
    }
    return results;
  }

  MessageAdded publicAgentMessage(long conversationId, String text) {
    return new MessageAdded(ID, conversationId, 99, Visibility.PUBLIC, AuthorType.AGENT, 3L, text, clock.instant());
  }

  MessageAdded customerMessage(long conversationId, String text) {
    return new MessageAdded(ID, conversationId, 98, Visibility.PUBLIC, AuthorType.CUSTOMER, null, text,
        clock.instant());
  }

  List<String> notesOf(long conversationId) {
    return notes.notes.getOrDefault(conversationId, List.of());
  }

  /** A clock the test moves forward instead of sleeping. */
  static final class MovableClock extends Clock {
    private volatile Instant now;

    MovableClock(Instant start) {
      now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }
}
