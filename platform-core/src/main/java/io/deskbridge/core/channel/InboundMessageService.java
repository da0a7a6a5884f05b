package io.deskbridge.core.channel;

import io.deskbridge.core.conversation.Attachments;
import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerProfile;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Files one customer message into the inbox in one transaction: recognise (or create) the customer,
 * find the conversation it belongs to ({@link CustomerDialogs}), append the message.
 */
@ApplicationScoped
@Transactional
public class InboundMessageService {

  private final CustomerRepository customers;
  private final ConversationRepository conversations;
  private final MessageRepository messages;
  private final Attachments attachments;
  private final CustomerDialogs dialogs;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public InboundMessageService(CustomerRepository customers, ConversationRepository conversations,
      MessageRepository messages, Attachments attachments, CustomerDialogs dialogs, Outbox outbox, Clock clock) {
    this.customers = customers;
    this.conversations = conversations;
    this.messages = messages;
    this.attachments = attachments;
    this.dialogs = dialogs;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected InboundMessageService() {
    this(null, null, null, null, null, null, null);
  }

  /**
   * Stores the message, or answers the receipt of its earlier delivery. Without {@code lookForEarlier}
   * it does not look: the message's unique key (tenant, channel, external id) refuses a second copy
   * anyway, and the caller ({@link InboundMessages}) retries such a refusal with it.
   */
  public InboundReceipt receive(TenantId tenant, InboundMessage inbound, boolean lookForEarlier) {
    inbound.validate();
    attachments.validate(tenant, inbound.attachments());
    if (lookForEarlier) {
      Optional<InboundReceipt> earlier = findEarlierDelivery(tenant, inbound);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    Instant now = clock.instant();
    String externalId = inbound.customer().externalId().trim();
    // A returning customer's row stays locked until commit: one intake at a time per customer, so two
    // of their messages cannot open two conversations. A first contact has none to continue.
    Optional<Customer> known = customers.findByIdentityForIntake(tenant, inbound.channel(), externalId);
    Customer customer = known.orElseGet(() -> firstContact(tenant, inbound, externalId, now));
    Conversation conversation;
    if (known.isPresent()) {
      fillGaps(customer, inbound.profile(), now);
      conversation = dialogs.dialogOf(tenant, customer, inbound.channel(), now);
    } else {
      conversation = dialogs.open(tenant, customer, inbound.channel(), now);
    }
    conversation.receiveCustomerMessage(now);
    PublicMessage message =
        PublicMessage.fromCustomer(conversation, inbound.text(), inbound.externalMessageId(), now);
    messages.add(message);
    attachments.attach(message, inbound.attachments());
    conversation.releaseEvents().forEach(outbox::publish);
    outbox.publish(new MessageAdded(tenant.value(), conversation.id(), message.id(), Visibility.PUBLIC,
        AuthorType.CUSTOMER, null, message.text(), now));
    return new InboundReceipt(conversation.id(), message.id(), customer.id(), true);
  }

  Optional<InboundReceipt> findEarlierDelivery(TenantId tenant, InboundMessage inbound) {
    return messages
        .findInbound(tenant, inbound.channel(), inbound.externalMessageId())
        .flatMap(m -> conversations.findById(tenant, m.conversationId())
            .map(c -> new InboundReceipt(c.id(), m.id(), c.customerId(), false)));
  }

  private Customer firstContact(TenantId tenant, InboundMessage inbound, String externalId, Instant now) {
    Customer customer = new Customer(tenant, null, now);
    customer.update(inbound.profile(), now);
    customer.recognizeAs(inbound.channel(), externalId);
    customers.add(customer);
    return customer;
  }

  /** A channel may learn an email or phone later; it never overwrites what staff already entered. */
  private static void fillGaps(Customer customer, CustomerProfile fromChannel, Instant now) {
    CustomerProfile gaps = new CustomerProfile(
        customer.name() == null ? fromChannel.name() : null,
        customer.email().isEmpty() ? fromChannel.email() : null,
        customer.phone().isEmpty() ? fromChannel.phone() : null,
        customer.language().isEmpty() ? fromChannel.language() : null,
        null, null, null, null);
    if (gaps.name() != null || gaps.email() != null || gaps.phone() != null || gaps.language() != null) {
      customer.update(gaps, now);
    }
  }
}
