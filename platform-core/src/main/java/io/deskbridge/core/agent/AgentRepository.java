package io.deskbridge.core.agent;

import io.deskbridge.core.tenant.TenantId;
import java.util.List;
import java.util.Optional;

public interface AgentRepository {

  Optional<Agent> findById(TenantId tenant, long id);

  Optional<Agent> findByEmail(TenantId tenant, String email);

  List<Agent> list(TenantId tenant);

  void add(Agent agent);
}
