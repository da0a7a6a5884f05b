package io.deskbridge.core.channel;

import io.deskbridge.core.assignment.RoundRobin;
import io.deskbridge.core.conversation.CloseReason;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Which conversation a customer's message on a channel belongs to: the one still open there; else
 * the one closed within the tenant's reopen window, reopened (handbook 001: it must be categorised
 * again); else a new one, handed to the next online agent when the tenant assigns round-robin.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CustomerDialogs {

  private final ConversationRepository conversations;
  private final SupportRulesService rules;
  private final RoundRobin roundRobin;
  private final Outbox outbox;

  @Inject
  public CustomerDialogs(ConversationRepository conversations, SupportRulesService rules, RoundRobin roundRobin,
      Outbox outbox) {
    this.conversations = conversations;
    this.rules = rules;
    this.roundRobin = roundRobin;
    this.outbox = outbox;
  }

  protected CustomerDialogs() {
    this(null, null, null, null);
  }

  public Conversation dialogOf(TenantId tenant, Customer customer, String channel, Instant now) {
    return conversations.findActive(tenant, customer.id(), channel)
        .or(() -> reopenRecent(tenant, customer, channel, now))
        .orElseGet(() -> open(tenant, customer, channel, now));
  }

  /** Conversations the system closed as duplicates stay closed: the customer is answered elsewhere. */
  private Optional<Conversation> reopenRecent(TenantId tenant, Customer customer, String channel, Instant now) {
    Duration window = rules.rules(tenant).reopenWindow();
    if (window.isZero()) {
      return Optional.empty();
    }
    return conversations.findLatestClosed(tenant, customer.id(), channel)
        .filter(c -> c.closedAt().filter(closed -> !closed.plus(window).isBefore(now)).isPresent())
        .filter(c -> c.closeReason().filter(reason -> reason == CloseReason.DUPLICATE).isEmpty())
        .map(c -> {
          c.reopen(now);
          return c;
        });
  }

  /**
   * A new conversation, opened by the customer's message, without looking for one to continue: what
   * {@link #dialogOf} does when there is none, and what intake does directly for a customer it
   * recognised for the first time in this transaction, who can have none.
   */
  public Conversation open(TenantId tenant, Customer customer, String channel, Instant now) {
    Conversation conversation =
        Conversation.openedByCustomer(tenant, customer.id(), customer.isOurClient(), channel, now);
    conversations.add(conversation);
    outbox.publish(new ConversationCreated(tenant.value(), conversation.id(), customer.id(), channel, now));
    roundRobin.assignNew(conversation);
    return conversation;
  }
}
