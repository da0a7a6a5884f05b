package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.plugin.spi.WebhookRequest;
import io.deskbridge.core.plugin.spi.testing.InMemoryDirectory;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import io.deskbridge.core.plugin.spi.testing.QueuedJobs;
import io.deskbridge.core.plugin.spi.testing.RecordedReplies;
import io.deskbridge.core.plugin.spi.testing.RecordedNotes;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant "acme" as the platform hands it to the module, pointed at a {@link FakeBitrix24}. */
final class TestTenant {

  static final long ID = 7;
  static final String SLUG = "acme";
  static final String PUBLIC_URL = "https://desk.example.test";

  final Map<String, Object> settings = new HashMap<>();
  final InMemoryMappings mappings = new InMemoryMappings();
  final RecordedNotes notes = new RecordedNotes();
  final InMemoryDirectory directory = new InMemoryDirectory();
  final RecordedReplies replies = new RecordedReplies();
  final QueuedJobs jobs = new QueuedJobs();
  final Map<Long, SupportDirectory.CustomerFacts> customers = directory.customers;
  final Map<Long, Long> conversations = directory.conversations;

  private TestTenant() {
    directory.categories.put(5L, "How-to");
    settings.put("entity", "deal");
    settings.put("syncInternalNotes", false);
    settings.put("mode", "timeline");
    settings.put("oauthServerUrl", URI.create("https://oauth.bitrix.info"));
    settings.put("closeStages", List.of());
  }

  /** An inbound webhook with the crm scope, and the outgoing webhook's application token. */
  static TestTenant withWebhook(FakeBitrix24 fake) {
    TestTenant t = new TestTenant();
    t.settings.put("baseUrl", URI.create(fake.webhookUrl()));
    t.settings.put("authMode", "webhook");
    t.settings.put("applicationToken", new Secret(FakeBitrix24.APPLICATION_TOKEN));
    return t;
  }

  /** A local app, not installed yet: its install handler receives the tokens. */
  static TestTenant withOAuth(FakeBitrix24 fake) {
    TestTenant t = new TestTenant();
    t.settings.put("baseUrl", URI.create(fake.restUrl()));
    t.settings.put("authMode", "oauth");
    t.settings.put("clientId", FakeBitrix24.CLIENT_ID);
    t.settings.put("clientSecret", new Secret(FakeBitrix24.CLIENT_SECRET));
    t.settings.put("oauthServerUrl", URI.create(fake.url()));
    return t;
  }

  TestTenant with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  TestTenant customer(long id, String name, String email, String phone) {
    customers.put(id, new SupportDirectory.CustomerFacts(id, name, Optional.ofNullable(email),
        Optional.ofNullable(phone), Map.of()));
    return this;
  }

  PluginConfig config() {
    return new PluginConfig(settings);
  }

  /** A module instance, as one server of the cluster would build it; all share this tenant's tables. */
  BitrixPlugin plugin() {
    return (BitrixPlugin) new BitrixPluginFactory().create(new PluginContext(ID, SLUG, config(), PUBLIC_URL,
        mappings, notes, Clock.systemUTC(), directory, replies, jobs));
  }

  ConversationCreated opened(long conversationId, long customerId) {
    conversations.put(conversationId, customerId);
    return new ConversationCreated(ID, conversationId, customerId, "telegram", Instant.now());
  }

  static MessageAdded customerSays(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.PUBLIC, AuthorType.CUSTOMER, null, text,
        Instant.now());
  }

  static MessageAdded agentSays(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.PUBLIC, AuthorType.AGENT, 3L, text,
        Instant.now());
  }

  /** A form-encoded POST to /hooks/acme/bitrix24/{path}, as the webapp hands it to the module. */
  static WebhookRequest post(String path, String form) {
    return new WebhookRequest("POST", path, Map.of("Content-Type", List.of("application/x-www-form-urlencoded")),
        null, form.getBytes(StandardCharsets.UTF_8));
  }

  static MessageAdded internalNote(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.INTERNAL, AuthorType.AGENT, 3L, text,
        Instant.now());
  }

  static ConversationClosed closed(long conversationId) {
    return new ConversationClosed(ID, conversationId, 5L, Instant.now());
  }

  static DeliveryResult deliver(BitrixPlugin plugin, DomainEvent event, int attempt) {
    return plugin.deliver(new Delivery(1, event.type(), attempt, event, null));
  }

  /** Hands the plugin a run of one conversation's queued jobs at once, as the outbox does up to its batch size. */
  static List<DeliveryResult> deliverAll(BitrixPlugin plugin, List<? extends DomainEvent> events) {
    return plugin.deliverAll(events.stream().map(e -> new Delivery(1, e.type(), 1, e, null)).toList());
  }

  /** Delivers as the outbox would: again after a RETRY, until done or failed. */
  static DeliveryResult deliverUntilSettled(BitrixPlugin plugin, DomainEvent event) {
    for (int attempt = 1; attempt <= 50; attempt++) {
      DeliveryResult result = deliver(plugin, event, attempt);
      if (result.outcome() != DeliveryResult.Outcome.RETRY) {
        return result;
      }
      try {
        Thread.sleep(result.retryAfter() == null ? 200 : Math.min(1000, result.retryAfter().toMillis()));
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new AssertionError("still retrying " + event);
  }
}
