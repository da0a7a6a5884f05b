package io.deskbridge.core.presence;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;

/** What the live feed reads and typing writes; every instance shares it through the database. */
public interface PresenceRepository {

  /** Inserts or extends the agent's typing in the conversation. */
  void typing(TenantId tenant, long conversationId, long agentId, Instant until);

  List<Typing> typingAt(TenantId tenant, Instant now);

  List<ChangedConversation> conversationsChangedSince(TenantId tenant, Instant since);

  List<NewMessage> messagesSince(TenantId tenant, Instant since);
}
