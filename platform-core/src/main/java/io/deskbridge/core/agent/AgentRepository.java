package io.deskbridge.core.agent;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public interface AgentRepository {

  Optional<Agent> findById(TenantId tenant, long id);

  Optional<Agent> findByEmail(TenantId tenant, String email);

  List<Agent> list(TenantId tenant);

  void add(Agent agent);

  /** Notes that the agent was just given a conversation, so round-robin turns to the others first. */
  void recordAssignment(TenantId tenant, long agentId, Instant at);
}
