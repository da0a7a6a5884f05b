package io.deskbridge.core.assignment;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.outbox.Outbox;
import io.deskbridge.core.rules.SupportRulesService;
import io.deskbridge.core.tenant.TenantId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Round-robin assignment of new conversations, when the tenant's rules switch it on (off by default:
 * handbook 001 has agents take conversations from the queue themselves). The conversation goes to
 * the agent whose turn it is ({@link Rotation}); with nobody on duty it stays in the queue.
 *
 * <p>Two conversations opened at the same moment never both get the same agent by accident: the
 * agent is claimed with a conditional update that locks their row and fails if someone else got
 * them since the team was read; the loser reads the team again and takes the next agent.
 */
@ApplicationScoped
@Transactional
public class RoundRobin {

  /** Claims lost to simultaneous conversations before this one is left in the queue for a person. */
  static final int ATTEMPTS = 5;

  private final SupportRulesService rules;
  private final AgentRoster roster;
  private final Outbox outbox;
  private final Clock clock;

  @Inject
  public RoundRobin(SupportRulesService rules, AgentRoster roster, Outbox outbox, Clock clock) {
    this.rules = rules;
    this.roster = roster;
    this.outbox = outbox;
    this.clock = clock;
  }

  protected RoundRobin() {
    this(null, null, null, null);
  }

  /**
   * Assigns a conversation just created (and added to its repository, so it has an id) to the next
   * agent on duty, in the caller's transaction, and publishes the conversation's events, among them
   * {@code ConversationAssigned}. Answers the agent's id; empty when round-robin is off, nobody can
   * take it, or it is assigned or closed already.
   */
  public Optional<Long> assignNew(Conversation conversation) {
    TenantId tenant = conversation.tenantId();
    if (conversation.assigneeId().isPresent() || conversation.isClosed() || !rules.rules(tenant).autoAssign()) {
      return Optional.empty();
    }
    Long departmentId = conversation.departmentId().orElse(null);
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<Candidate> next = new Rotation(roster.onDuty(tenant)).next(departmentId);
      if (next.isEmpty()) {
        return Optional.empty();
      }
      Instant now = clock.instant();
      if (roster.claim(tenant, next.get(), now)) {
        conversation.assignTo(next.get().agentId(), now);
        conversation.releaseEvents().forEach(outbox::publish);
        return Optional.of(next.get().agentId());
      }
    }
    return Optional.empty();
  }
}
