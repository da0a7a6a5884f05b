package io.deskbridge.core.transfer;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationRepository;
import io.deskbridge.core.conversation.TimelineService;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.shared.NotFoundException;
import io.deskbridge.core.shared.Validation;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * One customer asking in two chats (handbook 001): an unassigned duplicate in the common queue is
 * closed, linked to the conversation that is kept, and keeps a note saying so.
 */
@ApplicationScoped
@Transactional
public class DuplicateService {

  private final ConversationRepository conversations;
  private final TimelineService timeline;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public DuplicateService(ConversationRepository conversations, TimelineService timeline, Outbox outbox,
      Clock clock) {
    this.conversations = conversations;
    this.timeline = timeline;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected DuplicateService() {
    this(null, null, null, null);
  }

  /** Closes conversation {@code id} as a duplicate of {@code keptId} and returns it, closed. */
  public Conversation closeAsDuplicate(TenantId tenant, long id, Long keptId, Long agentId) {
    new Validation().required("keptConversationId", keptId).orThrow();
    Conversation duplicate = get(tenant, id);
    Conversation kept = get(tenant, keptId);
    Instant now = clock.instant();
    duplicate.closeAsDuplicateOf(kept, now);
    duplicate.releaseEvents().forEach(outbox::publish);
    kept.releaseEvents().forEach(outbox::publish);
    timeline.addInternalNote(tenant, id, agentId, "Closed as a duplicate of #" + keptId + ".", List.of());
    return duplicate;
  }

  private Conversation get(TenantId tenant, long id) {
    return conversations.findById(tenant, id).orElseThrow(() -> new NotFoundException("Conversation", id));
  }
}
