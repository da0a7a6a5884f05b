package io.deskbridge.plugin.bitrix;

import io.deskbridge.core.plugin.spi.Lease;
import io.deskbridge.core.plugin.spi.Mappings;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.SupportDirectory.CustomerFacts;
import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Links a conversation to Bitrix24: the customer's contact (found by phone or email, else created)
 * and a lead or deal of that contact for the conversation. Whatever it creates is remembered before
 * the job ends; when an answer may have been lost it is looked up by its ORIGIN_ID instead of being
 * created again, so a repeated job creates nothing twice.
 */
final class ConversationLink {

  static final String CONTACT = "contact";
  static final String CONVERSATION = "conversation";
  static final String ENTITY = "entity";
  static final String STAGE = "stage";
  static final String CUSTOMER_ENTITY = "customer-entity";
  static final String CHANNEL = "channel";
  private static final String UNCERTAIN = "uncertain";
  private static final Duration CUSTOMER_LEASE = Duration.ofSeconds(60);

  private final CrmRecords crm;
  private final BitrixConfig config;
  private final PluginContext context;
  private final Mappings mappings;

  ConversationLink(CrmRecords crm, BitrixConfig config, PluginContext context) {
    this.crm = crm;
    this.config = config;
    this.context = context;
    this.mappings = context.mappings();
  }

  /** The conversation's lead or deal, found or created under the customer's lease. */
  CrmEntity entityOf(long conversationId, Optional<Long> knownCustomer, String channel) {
    Optional<String> mapped = mappings.remoteId(CONVERSATION, Long.toString(conversationId));
    if (mapped.isPresent()) {
      return CrmEntity.parse(mapped.get());
    }
    long customerId = knownCustomer.or(() -> context.directory().customerOf(conversationId))
        .orElseThrow(() -> PortalCallFailed.failed("conversation " + conversationId + " has no customer"));
    CustomerFacts customer = context.directory().customer(customerId)
        .orElseThrow(() -> PortalCallFailed.failed("customer " + customerId + " no longer exists"));
    // Two conversations of a new customer must not both create a contact: one job at a time per customer.
    Lease lease = new Lease(mappings, "customer:" + customerId, context.clock());
    if (!lease.tryAcquire(CUSTOMER_LEASE)) {
      throw PortalCallFailed.retry(Duration.ofSeconds(1), "another job is matching customer " + customerId);
    }
    try {
      long contactId = contactOf(customer);
      String title = customer.name() + (channel == null ? "" : " (" + channel + ")") + " · conversation #"
          + conversationId;
      CrmEntity entity = new CrmEntity(config.entity(), created(config.entity(),
          Long.toString(conversationId), origin("conversation", conversationId),
          () -> crm.addEntity(config.entity(), contactId, title, origin("conversation", conversationId))));
      remember(conversationId, customerId, entity, channel);
      return entity;
    } finally {
      lease.release();
    }
  }

  private long contactOf(CustomerFacts customer) {
    String key = Long.toString(customer.id());
    Optional<Long> known = mappings.remoteId(CONTACT, key).map(Long::parseLong);
    if (known.isPresent()) {
      return known.get();
    }
    Optional<Long> matched = crm.findContact(customer);
    long contactId = matched.isPresent() ? matched.get() : created(CONTACT, key,
        origin("customer", customer.id()), () -> crm.addContact(customer, origin("customer", customer.id())));
    mappings.remember(CONTACT, key, Long.toString(contactId));
    return contactId;
  }

  /**
   * Creates a contact, lead or deal ({@code type}) once. Before the call it is marked as being created; a repeat that finds the
   * mark (the server died, or the answer timed out) looks it up by ORIGIN_ID first.
   */
  private long created(String type, String localId, String originId, LongSupplier create) {
    String sending = type + "-sending";
    boolean uncertain = mappings.remoteId(sending, localId).filter(UNCERTAIN::equals).isPresent();
    Optional<Long> earlier = uncertain ? crm.findByOrigin(type, originId) : Optional.empty();
    if (earlier.isPresent()) {
      return earlier.get();
    }
    mappings.remember(sending, localId, UNCERTAIN);
    try {
      long id = create.getAsLong();
      mappings.remember(sending, localId, "created");
      return id;
    } catch (PortalCallFailed e) {
      if (e.isRefusal()) {
        mappings.remember(sending, localId, "refused");
      }
      throw e;
    }
  }

  private void remember(long conversationId, long customerId, CrmEntity entity, String channel) {
    mappings.remember(CONVERSATION, Long.toString(conversationId), entity.key());
    mappings.remember(ENTITY, entity.key(), Long.toString(conversationId));
    mappings.remember(CUSTOMER_ENTITY, Long.toString(customerId), entity.key());
    config.stageId().ifPresent(stage -> mappings.compareAndSet(STAGE, entity.key(), null, stage));
    if (channel != null) {
      mappings.remember(CHANNEL, Long.toString(conversationId), channel);
    }
  }

  /** Unique per tenant, as two tenants may share a portal. */
  private String origin(String what, long id) {
    return context.tenantSlug() + "/" + what + "-" + id;
  }
}
