package io.deskbridge.core.plugin.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read-only look-ups a module needs to describe its tenant's events to a vendor: events carry ids,
 * a CRM needs the customer's phone and email, the category's and the agent's names. Everything is
 * scoped to the module's tenant; an id of another tenant is simply not found.
 */
public interface SupportDirectory {

  /** A customer as a vendor may see them. */
  record CustomerFacts(long id, String name, Optional<String> email, Optional<String> phone,
      Map<String, String> identities) {

    public CustomerFacts {
      identities = identities == null ? Map.of() : Map.copyOf(identities);
    }
  }

  /** Knows nothing; for contexts built without the platform (tests, tools). */
  SupportDirectory EMPTY = new SupportDirectory() {};

  default Optional<CustomerFacts> customer(long customerId) {
    return Optional.empty();
  }

  /** The customer a conversation belongs to. */
  default Optional<Long> customerOf(long conversationId) {
    return Optional.empty();
  }

  default Optional<String> categoryName(long categoryId) {
    return Optional.empty();
  }

  default Optional<String> agentName(long agentId) {
    return Optional.empty();
  }

  /**
   * A conversation as a vendor may see it.
   *
   * @param status the {@code ConversationStatus} name
   * @param customerPlan the customer's support plan, if the card has one
   */
  record ConversationFacts(long id, long customerId, String channel, Optional<String> subject,
      Optional<Long> categoryId, String status, Optional<Long> assigneeId, Optional<String> customerPlan) {}

  /**
   * One entry of a conversation's timeline.
   *
   * @param author "customer", "agent" or "system"
   * @param internal true for a staff-only internal note
   */
  record MessageFacts(long id, String author, Optional<String> authorName, boolean internal, String text,
      Instant at) {}

  default Optional<ConversationFacts> conversation(long conversationId) {
    return Optional.empty();
  }

  /**
   * The conversation's messages, oldest first: public ones only, unless {@code withInternalNotes}
   * (an agent explicitly chose to hand staff-only notes to a vendor).
   */
  default List<MessageFacts> messages(long conversationId, boolean withInternalNotes) {
    return List.of();
  }
}
