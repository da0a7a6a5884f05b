package io.deskbridge.plugin.amocrm;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import jakarta.json.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
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
  static final String SOURCE_TAG = "deskbridge";
  private static final String CLOSING_STAGE = "closing-stage";
  private static final String RESPONSIBLE = "lead-responsible";
  private static final String UNCERTAIN = "uncertain";
  private static final Duration CUSTOMER_LEASE = Duration.ofSeconds(60);
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
      .withZone(ZoneOffset.UTC);

  private final Crm crm;
  private final PluginContext context;
  private final Mappings mappings;
  private final LeadPolicy policy;
  private final IdsByName categoryStages;
  private final ResponsibleUser responsible;
  private final LeadMemory memory;
  private final ContactProfiles profiles;

  LeadSync(Crm crm, PluginContext context, LeadRules rules, LeadPolicy policy) {
    this.crm = crm;
    this.context = context;
    this.mappings = context.mappings();
    this.policy = policy;
    this.categoryStages = rules.categoryStages();
    this.responsible = rules.responsibleUser(context);
    this.memory = new LeadMemory(mappings);
    this.profiles = new ContactProfiles(crm, mappings, rules.contactProfile());
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
    Crm.NewLead newLead = new Crm.NewLead(customer.name() + (channel == null ? "" : " (" + channel + ")"),
        tags(channel), responsible.forNewLead(conversationId));
    long leadId;
    if (contact.isEmpty()) {
      Crm.LeadAndContact created = crm.addLeadWithContact(customer, newLead, profiles.profile());
      profiles.created(customer);
      contact = Optional.of(created.contactId());
      leadId = created.leadId();
      remember(new Lead(leadId, 0, crm.newLeadStage().orElse(0L), 0, newLead.tags()), newLead);
    } else {
      profiles.update(contact.get(), customer);
      leadId = leadOfKnownContact(contact.get(), newLead);
    }
    mappings.remember(CONTACT, customerKey, Long.toString(contact.get()));
    mappings.remember(CUSTOMER_LEAD, customerKey, Long.toString(leadId));
    return leadId;
  }

  private long leadOfKnownContact(long contactId, Crm.NewLead newLead) {
    List<String> tags = newLead.tags();
    LeadPolicy.Choice choice = policy.choose(crm.leadsOf(contactId));
    if (choice instanceof LeadPolicy.Reuse reuse) {
      List<String> merged = merged(reuse.lead().tags(), tags);
      if (!merged.equals(reuse.lead().tags())) {
        crm.updateLead(reuse.lead().id(), Json.createObjectBuilder(), merged);
      }
      remember(reuse.lead());
      return reuse.lead().id();
    }
    if (choice instanceof LeadPolicy.Reopen reopen) {
      Lead lead = reopen.lead();
      crm.updateLead(lead.id(), Json.createObjectBuilder().add("status_id", reopen.stage()),
          merged(lead.tags(), tags));
      remember(new Lead(lead.id(), lead.pipelineId(), reopen.stage(), lead.price(), lead.tags()));
      return lead.id();
    }
    long created = crm.addLead(contactId, newLead);
    remember(new Lead(created, 0, crm.newLeadStage().orElse(0L), 0, tags), newLead);
    return created;
  }

  /** A lead just created: also who it was given to, so an assignment to the same user costs no call. */
  private void remember(Lead lead, Crm.NewLead created) {
    remember(lead);
    created.responsibleUserId().ifPresent(u -> mappings.remember(RESPONSIBLE, Long.toString(lead.id()), u.toString()));
  }

  /**
   * Keeps the lead's stage and budget for the customer card, and reads the account's stage names
   * the first time a stage is seen (one call), so the card names stages instead of numbering them.
   */
  private void remember(Lead lead) {
    memory.price(lead.id(), lead.price());
    if (lead.statusId() != 0) {
      memory.stage(lead.id(), lead.statusId());
      if (!memory.knowsStage(lead.statusId())) {
        crm.pipelines().ifPresent(memory::stageNames);
      }
    }
  }

  /** The source, so a sales team can filter Deskbridge's leads, and the channel the customer wrote on. */
  private static List<String> tags(String channel) {
    return channel == null || channel.isBlank() ? List.of(SOURCE_TAG) : List.of(SOURCE_TAG, channel);
  }

  private static List<String> merged(List<String> existing, List<String> wanted) {
    LinkedHashSet<String> all = new LinkedHashSet<>(existing);
    all.addAll(wanted);
    return List.copyOf(all);
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
    // A run is one conversation's messages: its customer's name is read once, not once a message.
    Map<Long, String> customerNames = new HashMap<>();
    for (MessageAdded m : run) {
      String text = (m.isInternal() ? "Internal note by " : "") + author(m, customerNames)
          + (channel == null || m.isInternal() ? "" : " via " + channel) + " · " + TIME.format(m.occurredAt())
          + "\n" + m.text();
      drafts.add(new Draft("message", Long.toString(m.messageId()), text));
    }
    notes(leadId, drafts);
    for (MessageAdded m : run) {
      if (m.authorType() == AuthorType.AGENT && m.authorAgentId() != null && !m.isInternal()) {
        responsible.forReply(conversationId, m.authorAgentId()).ifPresent(user -> makeResponsible(leadId, user));
      }
    }
  }

  /** The customer's card changed: a linked contact takes over the mapped tags and attributes. */
  void customerUpdated(CustomerUpdated u) {
    Optional<Long> contact = mappings.remoteId(CONTACT, Long.toString(u.customerId())).map(Long::parseLong);
    Optional<CustomerFacts> customer = context.directory().customer(u.customerId());
    if (contact.isPresent() && customer.isPresent()) {
      profiles.update(contact.get(), customer.get());
    }
  }

  /** The conversation was (re)assigned: under the mapping strategy its lead follows the agent. */
  void assigned(ConversationAssigned a) {
    if (!responsible.followsAssignment()) {
      return;
    }
    long leadId = leadOf(a.conversationId(), Optional.empty(), null);
    responsible.forAssignee(a.agentId()).ifPresent(user -> makeResponsible(leadId, user));
  }

  /** Skips the call when the lead already has this user from us: reassignments come in bursts. */
  private void makeResponsible(long leadId, long user) {
    String lead = Long.toString(leadId);
    if (mappings.remoteId(RESPONSIBLE, lead).filter(Long.toString(user)::equals).isPresent()) {
      return;
    }
    crm.updateLead(leadId, Json.createObjectBuilder().add("responsible_user_id", user), null);
    mappings.remember(RESPONSIBLE, lead, Long.toString(user));
  }

  void closed(ConversationClosed c) {
    long leadId = leadOf(c.conversationId(), Optional.empty(), null);
    String category = Optional.ofNullable(c.categoryId()).flatMap(context.directory()::categoryName)
        .orElse("none");
    Optional<Instant> openedAt = context.directory().conversation(c.conversationId())
        .map(SupportDirectory.ConversationFacts::openedAt);
    String text = new ClosingSummary(c, category, openedAt, context.dialogLink(c.conversationId())).text();
    String closing = c.conversationId() + "@" + c.occurredAt().toEpochMilli();
    notes(leadId, List.of(new Draft("closing", closing, text)));
    Optional<Long> stage = categoryStages.get(category);
    // Once moved, never again for this closing: a late retry must not undo a manager's later move.
    if (stage.isPresent() && mappings.remoteId(CLOSING_STAGE, closing).isEmpty()) {
      crm.updateLead(leadId, Json.createObjectBuilder().add("status_id", stage.get()), null);
      mappings.remember(CLOSING_STAGE, closing, Long.toString(stage.get()));
      memory.stage(leadId, stage.get());
      }
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

  private String author(MessageAdded m, Map<Long, String> customerNames) {
    if (m.authorType() == AuthorType.AGENT && m.authorAgentId() != null) {
      return context.directory().agentName(m.authorAgentId()).orElse("Agent #" + m.authorAgentId());
    }
    if (m.authorType() == AuthorType.CUSTOMER) {
      return customerNames.computeIfAbsent(m.conversationId(), this::customerName);
    }
    return "Deskbridge";
  }

  private String customerName(long conversationId) {
    return context.directory().customerOf(conversationId).flatMap(context.directory()::customer)
        .map(CustomerFacts::name).orElse("Customer");
  }
}
