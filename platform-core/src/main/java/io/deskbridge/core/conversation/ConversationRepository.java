package io.deskbridge.core.conversation;

import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import java.util.Optional;

public interface ConversationRepository {

  Optional<Conversation> findById(TenantId tenant, long id);

  /** The customer's conversation on that channel that is not closed yet, if any. */
  Optional<Conversation> findActive(TenantId tenant, long customerId, String channel);

  /** The customer's most recently closed conversation on that channel, if any. */
  Optional<Conversation> findLatestClosed(TenantId tenant, long customerId, String channel);

  Page<Conversation> list(TenantId tenant, ConversationFilter filter);

  boolean existForCustomer(TenantId tenant, long customerId);

  boolean existForDepartment(TenantId tenant, long departmentId);

  void add(Conversation conversation);

  /**
   * Sets the "our client" flag on the customer's conversations that are not closed, in one statement;
   * closed ones keep the flag they were handled with.
   */
  void treatAsOurClient(TenantId tenant, long customerId, boolean ourClient);

  /** Conversations created in [from, to); only complaints when {@code complaintsOnly}. */
  long countCreated(TenantId tenant, java.time.Instant from, java.time.Instant to, boolean complaintsOnly);
}
