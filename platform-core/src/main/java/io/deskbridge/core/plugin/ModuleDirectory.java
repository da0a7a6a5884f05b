package io.deskbridge.core.plugin;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.core.agent.AgentRepository;
import io.deskbridge.core.category.Category;
import io.deskbridge.core.category.CategoryRepository;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.customer.ChannelIdentity;
import io.deskbridge.core.customer.Customer;
import io.deskbridge.core.customer.CustomerRepository;
import io.deskbridge.core.plugin.spi.SupportDirectory;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
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

  @Inject
  public ModuleDirectory(CustomerRepository customers, ConversationRepository conversations,
      CategoryRepository categories, AgentRepository agents) {
    this.customers = customers;
    this.conversations = conversations;
    this.categories = categories;
    this.agents = agents;
  }

  protected ModuleDirectory() {
    this(null, null, null, null);
  }

  public Optional<SupportDirectory.CustomerFacts> customer(TenantId tenant, long customerId) {
    return customers.findById(tenant, customerId).map(ModuleDirectory::facts);
  }

  public Optional<Long> customerOf(TenantId tenant, long conversationId) {
    return conversations.findById(tenant, conversationId).map(Conversation::customerId);
  }

  public Optional<SupportDirectory.ConversationFacts> conversation(TenantId tenant, long conversationId) {
    return conversations.findById(tenant, conversationId).map(c -> new SupportDirectory.ConversationFacts(c.id(),
        c.customerId(), c.channel(), c.createdAt(), c.assigneeId()));
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
    };
  }
}
