package io.deskbridge.plugin.jira;

import io.deskbridge.core.plugin.spi.ActionRequest;
import io.deskbridge.core.plugin.spi.ConversationNotes;
import io.deskbridge.core.plugin.spi.ConversationWake;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.ModuleJobs;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The tenant "acme" as the platform hands it to the module, pointed at a {@link FakeJira}: its
 * conversations and messages, and what the module writes back (notes, wakes, queued jobs).
 */
final class TestTenant {

  static final long ID = 7;
  static final String SLUG = "acme";
  static final String PUBLIC_URL = "https://desk.example.test";
  static final String WEBHOOK_SECRET = "jira-hook-s3cret";

  final Map<String, Object> settings = new HashMap<>();
  final InMemoryMappings mappings = new InMemoryMappings();
  final RecordedNotes notes = new RecordedNotes();
  final RecordedWakes wakes = new RecordedWakes();
  final QueuedJobs jobs = new QueuedJobs();
  /** Public replies the module posted; Jira must never post any. */
  final List<String> replies = new CopyOnWriteArrayList<>();
  final Map<Long, SupportDirectory.CustomerFacts> customers = new ConcurrentHashMap<>();
  final Map<Long, SupportDirectory.ConversationFacts> conversations = new ConcurrentHashMap<>();
  final Map<Long, List<SupportDirectory.MessageFacts>> messages = new ConcurrentHashMap<>();
  final Map<Long, String> categories = new ConcurrentHashMap<>();

  private TestTenant(FakeJira fake) {
    settings.put("baseUrl", URI.create(fake.url()));
    settings.put("projectKey", "SUP");
    settings.put("issueType", "Task");
    settings.put("webhookSecret", new Secret(WEBHOOK_SECRET));
    if (fake.flavour() == FakeJira.Flavour.CLOUD) {
      settings.put("deployment", "cloud");
      settings.put("email", FakeJira.EMAIL);
      settings.put("apiToken", new Secret(FakeJira.API_TOKEN));
    } else {
      settings.put("deployment", "datacenter");
      settings.put("apiToken", new Secret(FakeJira.PAT));
    }
  }

  static TestTenant of(FakeJira fake) {
    return new TestTenant(fake);
  }

  TestTenant with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  /** Conversation 81 of Ada (plan Gold, category Billing) over Telegram, with two messages and a note. */
  TestTenant withAdasConversation() {
    customers.put(40L, new SupportDirectory.CustomerFacts(40, "Ada Lovelace", Optional.of("ada@example.com"),
        Optional.empty(), Map.of()));
    categories.put(5L, "Billing");
    Instant t = Instant.parse("2026-11-27T10:00:00Z");
    conversations.put(81L, new SupportDirectory.ConversationFacts(81, 40, "telegram", Optional.of("Cannot log in"),
        Optional.of(5L), "OPEN", t, Optional.of(3L), Optional.of("Gold")));
    messages.put(81L, List.of(
        new SupportDirectory.MessageFacts(1, "customer", Optional.empty(), false, "I cannot log in since Monday", t),
        new SupportDirectory.MessageFacts(2, "agent", Optional.of("Ivan"), true, "Looks like the SSO bug again",
            t.plusSeconds(60)),
        new SupportDirectory.MessageFacts(3, "agent", Optional.of("Ivan"), false, "We are looking into it",
            t.plusSeconds(120))));
    return this;
  }

  PluginConfig config() {
    return new PluginConfig(settings);
  }

  /** A module instance, as one server of the cluster would build it; all share this tenant's tables. */
  JiraPlugin plugin() {
    SupportDirectory directory = new SupportDirectory() {
      @Override
      public Optional<CustomerFacts> customer(long customerId) {
        return Optional.ofNullable(customers.get(customerId));
      }

      @Override
      public Optional<String> categoryName(long categoryId) {
        return Optional.ofNullable(categories.get(categoryId));
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
    return (JiraPlugin) new JiraPluginFactory().create(new PluginContext(ID, SLUG, config(), PUBLIC_URL, mappings,
        notes, Clock.systemUTC(), directory, (conversationId, vendorMessageId, authorName, text) -> {
          replies.add(text);
          return io.deskbridge.core.plugin.spi.CustomerReplies.Receipt.posted(1);
        }, jobs, wakes));
  }

  static ActionRequest action(String id, long conversationId, Map<String, String> input) {
    return new ActionRequest(id, conversationId, 3L, input);
  }

  static DeliveryResult deliver(JiraPlugin plugin, ActionRequest action, int attempt) {
    return plugin.deliver(new Delivery(1, "jira." + action.actionId(), attempt, null, action));
  }

  static final class RecordedNotes implements ConversationNotes {
    final Map<Long, List<String>> notes = new ConcurrentHashMap<>();

    @Override
    public boolean addInternalNote(long conversationId, String text) {
      notes.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(text);
      return true;
    }

    List<String> of(long conversationId) {
      return notes.getOrDefault(conversationId, List.of());
    }
  }

  /** Conversations the module woke, with the reason their agent reads. */
  static final class RecordedWakes implements ConversationWake {
    final Map<Long, List<String>> reasons = new ConcurrentHashMap<>();

    @Override
    public boolean wake(long conversationId, String reason) {
      reasons.computeIfAbsent(conversationId, id -> new CopyOnWriteArrayList<>()).add(reason);
      return true;
    }

    List<String> of(long conversationId) {
      return reasons.getOrDefault(conversationId, List.of());
    }
  }

  /** Jobs the module queued for itself, waiting to be delivered as the outbox would. */
  static final class QueuedJobs implements ModuleJobs {
    final List<ActionRequest> queued = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(long conversationId, String kind, Map<String, String> input) {
      queued.add(new ActionRequest(kind, conversationId, null, input));
    }
  }
}
