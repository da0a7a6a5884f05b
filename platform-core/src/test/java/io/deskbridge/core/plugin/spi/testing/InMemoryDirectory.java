package io.deskbridge.core.plugin.spi.testing;

import io.deskbridge.core.plugin.spi.SupportDirectory;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A tenant's customers, conversations, agents and categories in memory, for plugin tests to arrange. */
public final class InMemoryDirectory implements SupportDirectory {

  public final Map<Long, CustomerFacts> customers = new ConcurrentHashMap<>();
  /** conversation id → customer id */
  public final Map<Long, Long> conversations = new ConcurrentHashMap<>();
  public final Map<Long, Instant> openedAt = new ConcurrentHashMap<>();
  public final Map<Long, String> channels = new ConcurrentHashMap<>();
  public final Map<Long, Long> assignees = new ConcurrentHashMap<>();
  public final Map<Long, String> agentEmails = new ConcurrentHashMap<>();
  public final Map<Long, String> categories = new ConcurrentHashMap<>();
  /** Every agent's name, unless a test names one in {@link #agentNames}. */
  public String anyAgentName = "Ivan Agent";
  public final Map<Long, String> agentNames = new ConcurrentHashMap<>();

  @Override
  public Optional<CustomerFacts> customer(long customerId) {
    return Optional.ofNullable(customers.get(customerId));
  }

  @Override
  public Optional<Long> customerOf(long conversationId) {
    return Optional.ofNullable(conversations.get(conversationId));
  }

  @Override
  public Optional<ConversationFacts> conversation(long conversationId) {
    return Optional.ofNullable(conversations.get(conversationId)).map(customer -> new ConversationFacts(
        conversationId, customer, channels.get(conversationId), Optional.empty(), Optional.empty(), "OPEN",
        openedAt.get(conversationId), Optional.ofNullable(assignees.get(conversationId)), Optional.empty()));
  }

  @Override
  public Optional<String> categoryName(long categoryId) {
    return Optional.ofNullable(categories.get(categoryId));
  }

  @Override
  public Optional<String> agentName(long agentId) {
    return Optional.of(agentNames.getOrDefault(agentId, anyAgentName));
  }

  @Override
  public Optional<String> agentEmail(long agentId) {
    return Optional.ofNullable(agentEmails.get(agentId));
  }
}
