package io.deskbridge.plugin.amocrm;

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
import io.deskbridge.core.plugin.spi.testing.InMemoryDirectory;
import io.deskbridge.core.plugin.spi.testing.QueuedJobs;
import io.deskbridge.core.plugin.spi.testing.RecordedReplies;
import io.deskbridge.core.plugin.spi.testing.InMemoryMappings;
import io.deskbridge.core.plugin.spi.testing.InMemoryPacers;
import io.deskbridge.core.plugin.spi.testing.RecordedNotes;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The tenant "acme" as the platform hands it to the module, pointed at a {@link FakeAmoCrm}. */
final class TestTenant {

  static final long ID = 7;
  static final String SLUG = "acme";
  static final String PUBLIC_URL = "https://desk.example.test";
  static final String WEBHOOK_TOKEN = "hook-s3cret";

  final Map<String, Object> settings = new HashMap<>();
  final InMemoryMappings mappings = new InMemoryMappings();
  final RecordedNotes notes = new RecordedNotes();
  final RecordedReplies replies = new RecordedReplies();
  final QueuedJobs jobs = new QueuedJobs();
  final InMemoryPacers pacers = new InMemoryPacers();
  /** The clock of the module instances built from now on (a later one: a server that runs later). */
  Clock clock = Clock.systemUTC();
  final InMemoryDirectory directory = new InMemoryDirectory();
  final Map<Long, SupportDirectory.CustomerFacts> customers = directory.customers;
  final Map<Long, Long> conversations = directory.conversations;
  final Map<Long, Instant> openedAt = directory.openedAt;
  final Map<Long, String> channels = directory.channels;
  final Map<Long, Long> assignees = directory.assignees;
  final Map<Long, String> agentEmails = directory.agentEmails;
  final Map<Long, String> categories = directory.categories;

  private TestTenant(FakeAmoCrm fake) {
    categories.put(5L, "How-to");
    settings.put("baseUrl", URI.create(fake.url()));
    settings.put("syncInternalNotes", false);
    settings.put("mode", "notes");
    settings.put("webhookToken", new Secret(WEBHOOK_TOKEN));
  }

  static TestTenant withToken(FakeAmoCrm fake) {
    TestTenant t = new TestTenant(fake);
    t.settings.put("authMode", "token");
    t.settings.put("accessToken", new Secret(fake.longLivedToken()));
    return t;
  }

  static TestTenant withOAuth(FakeAmoCrm fake) {
    TestTenant t = new TestTenant(fake);
    t.settings.put("authMode", "oauth");
    t.settings.put("clientId", FakeAmoCrm.CLIENT_ID);
    t.settings.put("clientSecret", new Secret(FakeAmoCrm.CLIENT_SECRET));
    t.settings.put("redirectUri", URI.create(PUBLIC_URL + "/hooks/acme/amocrm/" + WEBHOOK_TOKEN + "/oauth"));
    return t;
  }

  TestTenant with(String key, Object value) {
    settings.put(key, value);
    return this;
  }

  TestTenant customer(long id, String name, String email, String phone) {
    return customer(id, name, email, phone, Map.of());
  }

  /** @param identities channel → the customer's id there, e.g. telegram → 5512345 */
  TestTenant customer(long id, String name, String email, String phone, Map<String, String> identities) {
    customers.put(id, new SupportDirectory.CustomerFacts(id, name, Optional.ofNullable(email),
        Optional.ofNullable(phone), identities));
    return this;
  }

  /** The customer's card now has these tags and attributes (the rest of it unchanged). */
  TestTenant profile(long id, List<String> tags, Map<String, String> attributes) {
    SupportDirectory.CustomerFacts c = customers.get(id);
    customers.put(id, new SupportDirectory.CustomerFacts(id, c.name(), c.email(), c.phone(), c.identities(), tags,
        attributes));
    return this;
  }

  PluginConfig config() {
    return new PluginConfig(settings);
  }

  /** A module instance, as one server of the cluster would build it; all share this tenant's tables. */
  AmoCrmPlugin plugin() {
    return (AmoCrmPlugin) new AmoCrmPluginFactory().create(new PluginContext(ID, SLUG, config(), PUBLIC_URL,
        mappings, notes, clock, directory, replies, jobs, null, pacers));
  }

  /** The tenant in chat mode, its channel registered at the fake Chats API. */
  TestTenant inChatMode(FakeAmojo amojo) {
    return with("mode", "chat").with("amojoBaseUrl", URI.create(amojo.url()))
        .with("channelId", FakeAmojo.CHANNEL_ID).with("channelSecret", new Secret(FakeAmojo.CHANNEL_SECRET));
  }

  static MessageAdded agentSays(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.PUBLIC, AuthorType.AGENT, 3L, text,
        Instant.now());
  }

  ConversationCreated opened(long conversationId, long customerId) {
    return opened(conversationId, customerId, "telegram");
  }

  ConversationCreated opened(long conversationId, long customerId, String channel) {
    Instant now = Instant.now();
    conversations.put(conversationId, customerId);
    openedAt.putIfAbsent(conversationId, now);
    channels.put(conversationId, channel);
    return new ConversationCreated(ID, conversationId, customerId, channel, now);
  }

  static MessageAdded customerSays(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.PUBLIC, AuthorType.CUSTOMER, null, text,
        Instant.now());
  }

  static MessageAdded internalNote(long conversationId, long messageId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.INTERNAL, AuthorType.AGENT, 3L, text,
        Instant.now());
  }

  static ConversationClosed closed(long conversationId) {
    return new ConversationClosed(ID, conversationId, 5L, Instant.now());
  }

  static MessageAdded agentReplies(long conversationId, long messageId, long agentId, String text) {
    return new MessageAdded(ID, conversationId, messageId, Visibility.PUBLIC, AuthorType.AGENT, agentId, text,
        Instant.now());
  }

  static DeliveryResult deliver(AmoCrmPlugin plugin, DomainEvent event, int attempt) {
    return plugin.deliver(new Delivery(1, event.type(), attempt, event, null));
  }

  /** Delivers as the outbox would: again after a RETRY, until done or failed. */
  static DeliveryResult deliverUntilSettled(AmoCrmPlugin plugin, DomainEvent event) {
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
