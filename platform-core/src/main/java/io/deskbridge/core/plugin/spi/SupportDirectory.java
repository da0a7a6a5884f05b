package io.deskbridge.core.plugin.spi;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Read-only look-ups a module needs to describe its tenant's events to a vendor: events carry ids,
 * a CRM needs the customer's phone and email, the category's and the agent's names. Everything is
 * scoped to the module's tenant; an id of another tenant is simply not found.
 */
public interface SupportDirectory {

  /**
   * A customer as a vendor may see them.
   *
   * @param identities channel → the customer's id on it (telegram → 5512345)
   * @param tags the customer's tags, sorted
   * @param attributes the customer's named attributes (a CRM maps some of them to its own fields)
   */
  record CustomerFacts(long id, String name, Optional<String> email, Optional<String> phone,
      Map<String, String> identities, List<String> tags, Map<String, String> attributes) {

    public CustomerFacts {
      identities = identities == null ? Map.of() : Map.copyOf(identities);
      tags = tags == null ? List.of() : List.copyOf(tags);
      attributes = attributes == null ? Map.of() : attributes.entrySet().stream()
          .filter(a -> a.getKey() != null && a.getValue() != null)
          .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    /** Facts without tags and attributes, as modules built before they were shared construct them. */
    public CustomerFacts(long id, String name, Optional<String> email, Optional<String> phone,
        Map<String, String> identities) {
      this(id, name, email, phone, identities, List.of(), Map.of());
    }
  }

  /**
   * A conversation as a vendor may see it: whose it is, where it came from, what it is about, when it
   * was opened and who works on it now.
   *
   * @param status the {@code ConversationStatus} name
   * @param openedAt when the customer's first message opened it (a reopened conversation keeps it)
   * @param assigneeId the agent it is assigned to; empty while it waits in a queue
   * @param customerPlan the customer's support plan, if the card has one
   */
  record ConversationFacts(long id, long customerId, String channel, Optional<String> subject,
      Optional<Long> categoryId, String status, Instant openedAt, Optional<Long> assigneeId,
      Optional<String> customerPlan) {

    public ConversationFacts {
      subject = subject == null ? Optional.empty() : subject;
      categoryId = categoryId == null ? Optional.empty() : categoryId;
      assigneeId = assigneeId == null ? Optional.empty() : assigneeId;
      customerPlan = customerPlan == null ? Optional.empty() : customerPlan;
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

  /** Events name a conversation by id only; a module describing it (a closing summary) asks here. */
  default Optional<ConversationFacts> conversation(long conversationId) {
    return Optional.empty();
  }

  default Optional<String> categoryName(long categoryId) {
    return Optional.empty();
  }

  default Optional<String> agentName(long agentId) {
    return Optional.empty();
  }

  /**
   * The agent's login email, lower case: the key a CRM's user mapping is written in, since agent ids
   * mean nothing to an admin configuring a vendor.
   */
  default Optional<String> agentEmail(long agentId) {
    return Optional.empty();
  }

  /**
   * One entry of a conversation's timeline.
   *
   * @param author "customer", "agent" or "system"
   * @param internal true for a staff-only internal note
   */
  record MessageFacts(long id, String author, Optional<String> authorName, boolean internal, String text,
      Instant at) {}

  /**
   * The conversation's messages, oldest first: public ones only, unless {@code withInternalNotes}
   * (an agent explicitly chose to hand staff-only notes to a vendor).
   */
  default List<MessageFacts> messages(long conversationId, boolean withInternalNotes) {
    return List.of();
  }
}
