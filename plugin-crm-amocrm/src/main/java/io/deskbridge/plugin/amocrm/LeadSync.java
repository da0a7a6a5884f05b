package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A conversation's trail in amoCRM: the customer's contact, an open lead of it, and a note per
 * message. Everything it creates is remembered in the mappings before the job is done, and looked
 * up at the vendor when the answer may have been lost, so a repeated job creates nothing twice.
 */
final class LeadSync {

  static final String CONTACT = "contact";
  static final String CUSTOMER_LEAD = "customer-lead";
  static final String LEAD = "lead";
  static final String CONVERSATION = "conversation";
  private static final String UNCERTAIN = "uncertain";
  private static final Duration CUSTOMER_LEASE = Duration.ofSeconds(60);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Crm crm;
  private final PluginContext context;
  private final Mappings mappings;

  LeadSync(Crm crm, PluginContext context) {
    this.crm = crm;
    this.context = context;
    this.mappings = context.mappings();
  }

  /** The conversation's lead, found or created under the customer's lease. */
  long leadOf(long conversationId, Optional<Long> knownCustomer, String channel) {
    Optional<String> mapped = mappings.remoteId(CONVERSATION, Long.toString(conversationId));
    if (mapped.isPresent()) {
      return Long.parseLong(mapped.get());
    }
    long customerId = knownCustomer.or(() -> context.directory().customerOf(conversationId))
        .orElseThrow(() -> AmoCallFailed.failed("conversation " + conversationId + " has no customer"));
    CustomerFacts customer = context.directory().customer(customerId)
        .orElseThrow(() -> AmoCallFailed.failed("customer " + customerId + " no longer exists"));
    // Two conversations of a new customer must not both create a contact: one job at a time per customer.
    Lease lease = new Lease(mappings, "customer:" + customerId, context.clock());
    if (!lease.tryAcquire(CUSTOMER_LEASE)) {
      throw AmoCallFailed.retry(Duration.ofSeconds(1), "another job is matching customer " + customerId);
    }
    try {
      long leadId = findOrCreateLead(customer, conversationId, channel);
      mappings.remember(CONVERSATION, Long.toString(conversationId), Long.toString(leadId));
      mappings.remember(LEAD, Long.toString(leadId), Long.toString(conversationId));
      if (channel != null) {
        mappings.remember("channel", Long.toString(conversationId), channel);
      }
      return leadId;
    } finally {
      lease.release();
    }
  }

  private long findOrCreateLead(CustomerFacts customer, long conversationId, String channel) {
    String customerKey = Long.toString(customer.id());
    Optional<Long> contact = mappings.remoteId(CONTACT, customerKey).map(Long::parseLong)
        .or(() -> crm.findContact(customer));
    Optional<Long> lead = contact.flatMap(crm::findOpenLead);
    if (lead.isEmpty()) {
      String name = customer.name() + (channel == null ? "" : " (" + channel + ")");
      if (contact.isEmpty()) {
        Crm.LeadAndContact created = crm.addLeadWithContact(customer, name);
        contact = Optional.of(created.contactId());
        lead = Optional.of(created.leadId());
      } else {
        lead = Optional.of(crm.addLead(contact.get(), name));
      }
    }
    mappings.remember(CONTACT, customerKey, Long.toString(contact.get()));
    mappings.remember(CUSTOMER_LEAD, customerKey, Long.toString(lead.get()));
    return lead.get();
  }

  void message(MessageAdded m) {
    messages(List.of(m));
  }

  /** A run of one conversation's messages, oldest first: one note each, sent in one request. */
  void messages(List<MessageAdded> run) {
    long conversationId = run.get(0).conversationId();
    long leadId = leadOf(conversationId, Optional.empty(), null);
    String channel = mappings.remoteId("channel", Long.toString(conversationId)).orElse(null);
    List<Draft> drafts = new ArrayList<>();
    for (MessageAdded m : run) {
      String text = (m.isInternal() ? "Internal note by " : "") + author(m)
          + (channel == null || m.isInternal() ? "" : " via " + channel) + " · " + TIME.format(m.occurredAt())
          + "\n" + m.text();
      drafts.add(new Draft("message", Long.toString(m.messageId()), text));
    }
    notes(leadId, drafts);
  }

  void closed(ConversationClosed c) {
    long leadId = leadOf(c.conversationId(), Optional.empty(), null);
    String category = Optional.ofNullable(c.categoryId()).flatMap(context.directory()::categoryName)
        .orElse("none");
    String text = "Conversation #" + c.conversationId() + " closed · " + TIME.format(c.occurredAt())
        + "\nCategory: " + category + "\nDialog: " + context.dialogLink(c.conversationId());
    notes(leadId, List.of(new Draft("closing", c.conversationId() + "@" + c.occurredAt().toEpochMilli(), text)));
  }

  /** A note to write for one local thing (a message, a closing), recognisable later by its marker. */
  private record Draft(String localType, String localId, String text) {

    String marker() {
      return "[deskbridge " + localType + " " + localId + "]";
    }

    String sending() {
      return localType + "-sending";
    }
  }

  /**
   * One note per local thing, the new ones in one request. Before the call each note is marked as
   * being sent; if a repeat of the job finds that mark (the server died, or the answer timed out), it
   * looks for those notes by the markers at their end instead of writing them again. A refusal by
   * amoCRM clears the doubt.
   */
  private void notes(long leadId, List<Draft> drafts) {
    List<Draft> open = drafts.stream().filter(d -> mappings.remoteId(d.localType(), d.localId()).isEmpty())
        .toList();
    if (open.isEmpty()) {
      return;
    }
    Set<String> doubtful = open.stream()
        .filter(d -> mappings.remoteId(d.sending(), d.localId()).filter(UNCERTAIN::equals).isPresent())
        .map(Draft::marker).collect(Collectors.toSet());
    Map<String, Long> earlier = doubtful.isEmpty() ? Map.of() : crm.findNotes(leadId, doubtful);
    List<Draft> toSend = new ArrayList<>();
    for (Draft d : open) {
      Long found = earlier.get(d.marker());
      if (found != null) {
        mappings.remember(d.localType(), d.localId(), Long.toString(found));
      } else {
        toSend.add(d);
      }
    }
    if (toSend.isEmpty()) {
      return;
    }
    toSend.forEach(d -> mappings.remember(d.sending(), d.localId(), UNCERTAIN));
    List<Long> ids;
    try {
      ids = crm.addNotes(leadId, toSend.stream().map(d -> d.text() + "\n" + d.marker()).toList());
    } catch (AmoCallFailed e) {
      if (e.isRefusal()) {
        toSend.forEach(d -> mappings.remember(d.sending(), d.localId(), "refused"));
      }
      throw e;
    }
    for (int i = 0; i < toSend.size(); i++) {
      mappings.remember(toSend.get(i).localType(), toSend.get(i).localId(), Long.toString(ids.get(i)));
    }
  }

  private String author(MessageAdded m) {
    if (m.authorType() == AuthorType.AGENT && m.authorAgentId() != null) {
      return context.directory().agentName(m.authorAgentId()).orElse("Agent #" + m.authorAgentId());
    }
    if (m.authorType() == AuthorType.CUSTOMER) {
      return context.directory().customerOf(m.conversationId()).flatMap(context.directory()::customer)
          .map(CustomerFacts::name).orElse("Customer");
    }
    return "Deskbridge";
  }
}
