package io.deskbridge.core.plugin;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.category.Category;
import io.deskbridge.core.category.CategoryRepository;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.customer.ChannelIdentity;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Answers modules' {@link SupportDirectory} look-ups from the repositories, one tenant at a time. */
@ApplicationScoped
@Transactional
public class ModuleDirectory {

  private final CustomerRepository customers;
  private final ConversationRepository conversations;
  private final CategoryRepository categories;
  private final AgentRepository agents;
  private final MessageRepository messages;

  /** Timeline pages read at once; a conversation handed to a vendor is rarely longer than one. */
  private static final int PAGE = 200;

  @Inject
  public ModuleDirectory(CustomerRepository customers, ConversationRepository conversations,
      CategoryRepository categories, AgentRepository agents, MessageRepository messages) {
    this.messages = messages;
    this.customers = customers;
    this.conversations = conversations;
    this.categories = categories;
    this.agents = agents;
  }

  protected ModuleDirectory() {
    this(null, null, null, null, null);
  }

  public Optional<SupportDirectory.CustomerFacts> customer(TenantId tenant, long customerId) {
    return customers.findById(tenant, customerId).map(ModuleDirectory::facts);
  }

  public Optional<Long> customerOf(TenantId tenant, long conversationId) {
    return conversations.findById(tenant, conversationId).map(Conversation::customerId);
  }

  public Optional<SupportDirectory.ConversationFacts> conversation(TenantId tenant, long conversationId) {
    return conversations.findById(tenant, conversationId).map(c -> new SupportDirectory.ConversationFacts(c.id(),
        c.customerId(), c.channel(), c.subject(), c.categoryId(), c.status().name(), c.createdAt(), c.assigneeId(),
        customers.findById(tenant, c.customerId()).flatMap(Customer::plan)));
  }

  public Optional<String> categoryName(TenantId tenant, long categoryId) {
    return categories.findById(tenant, categoryId).map(Category::name);
  }

  public Optional<String> agentName(TenantId tenant, long agentId) {
    return agents.findById(tenant, agentId).map(Agent::name);
  }

  public Optional<String> agentEmail(TenantId tenant, long agentId) {
    return agents.findById(tenant, agentId).map(Agent::email);
  }

  public List<SupportDirectory.MessageFacts> messages(TenantId tenant, long conversationId,
      boolean withInternalNotes) {
    List<SupportDirectory.MessageFacts> found = new ArrayList<>();
    String cursor = null;
    do {
      Page<Message> page = messages.timeline(tenant, conversationId, cursor, PAGE);
      for (Message m : page.items()) {
        boolean internal = m.visibility() == Visibility.INTERNAL;
        if (!internal || withInternalNotes) {
          found.add(new SupportDirectory.MessageFacts(m.id(), m.authorType().name().toLowerCase(Locale.ROOT),
              m.authorName(), internal, m.text(), m.createdAt()));
        }
      }
      cursor = page.next();
    } while (cursor != null);
    return found;
  }

  private static SupportDirectory.CustomerFacts facts(Customer c) {
    Map<String, String> identities = new LinkedHashMap<>();
    for (ChannelIdentity identity : c.identities()) {
      identities.putIfAbsent(identity.channel(), identity.externalId());
    }
    return new SupportDirectory.CustomerFacts(c.id(), c.name(), c.email(), c.phone(), identities, c.tags(),
        c.attributes());
  }

  /** The view one tenant's module instance gets. */
  public SupportDirectory forTenant(TenantId tenant) {
    ModuleDirectory store = this;
    return new SupportDirectory() {
      @Override
      public Optional<CustomerFacts> customer(long customerId) {
        return store.customer(tenant, customerId);
      }

      @Override
      public Optional<Long> customerOf(long conversationId) {
        return store.customerOf(tenant, conversationId);
      }

      @Override
      public Optional<ConversationFacts> conversation(long conversationId) {
        return store.conversation(tenant, conversationId);
      }

      @Override
      public Optional<String> categoryName(long categoryId) {
        return store.categoryName(tenant, categoryId);
      }

      @Override
      public Optional<String> agentName(long agentId) {
        return store.agentName(tenant, agentId);
      }

      @Override
      public Optional<String> agentEmail(long agentId) {
        return store.agentEmail(tenant, agentId);
      }

      @Override
      public List<MessageFacts> messages(long conversationId, boolean withInternalNotes) {
        return store.messages(tenant, conversationId, withInternalNotes);
      }
    };
  }
}
