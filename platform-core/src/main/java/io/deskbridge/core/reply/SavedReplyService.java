package io.deskbridge.core.reply;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.Language;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Maintains saved replies and fills their placeholders for a given conversation and agent. */
@ApplicationScoped
@Transactional
public class SavedReplyService {

  private final SavedReplyRepository replies;
  private final ConversationRepository conversations;
  private final CustomerRepository customers;
  private final AgentRepository agents;
  private final Clock clock;

  @Inject
  public SavedReplyService(SavedReplyRepository replies, ConversationRepository conversations,
      CustomerRepository customers, AgentRepository agents, Clock clock) {
    this.replies = replies;
    this.conversations = conversations;
    this.customers = customers;
    this.agents = agents;
    this.clock = clock;
  }

  protected SavedReplyService() {
    this(null, null, null, null, null);
  }

  public SavedReply create(TenantId tenant, String title, String body, Language language,
      Collection<String> tags, boolean hold) {
    validate(title, body, language, tags);
    SavedReply reply = new SavedReply(tenant, title.trim(), body, language, tagsOrEmpty(tags), clock.instant());
    reply.holdCustomer(hold);
    replies.add(reply);
    return reply;
  }

  public SavedReply update(TenantId tenant, long id, String title, String body, Language language,
      Collection<String> tags, boolean hold) {
    validate(title, body, language, tags);
    SavedReply reply = get(tenant, id);
    reply.rewrite(title.trim(), body, language, tagsOrEmpty(tags), clock.instant());
    reply.holdCustomer(hold);
    return reply;
  }

  public void delete(TenantId tenant, long id) {
    replies.remove(get(tenant, id));
  }

  public SavedReply get(TenantId tenant, long id) {
    return replies.findById(tenant, id).orElseThrow(() -> new NotFoundException("Saved reply", id));
  }

  public List<SavedReply> search(TenantId tenant, SavedReplySearch search) {
    return replies.search(tenant, search);
  }

  /** The reply's text with the conversation's customer and the agent filled in. */
  public String render(TenantId tenant, long id, Long conversationId, Long agentId) {
    SavedReply reply = get(tenant, id);
    Map<String, String> values = new HashMap<>();
    if (conversationId != null) {
      Conversation conversation = conversations.findById(tenant, conversationId)
          .orElseThrow(() -> new NotFoundException("Conversation", conversationId));
      customers.findById(tenant, conversation.customerId()).ifPresent(c -> putCustomer(values, c));
    }
    if (agentId != null) {
      agents.findById(tenant, agentId).map(Agent::name).ifPresent(n -> values.put("agent.name", n));
    }
    return reply.template().render(values);
  }

  private static void putCustomer(Map<String, String> values, Customer customer) {
    values.put("customer.name", customer.name());
    values.put("customer.email", customer.email().orElse(null));
    values.put("customer.phone", customer.phone().orElse(null));
  }

  private static Collection<String> tagsOrEmpty(Collection<String> tags) {
    return tags == null ? List.of() : tags;
  }

  private static void validate(String title, String body, Language language, Collection<String> tags) {
    Validation v = new Validation()
        .required("title", title)
        .maxLength("title", title, 200)
        .required("body", body)
        .maxLength("body", body, 10000)
        .required("language", language);
    if (tags != null) {
      tags.forEach(t -> v.check(t != null && !t.isBlank() && t.trim().length() <= 50,
          "tags", "each tag must be 1-50 characters"));
    }
    v.orThrow();
  }
}
