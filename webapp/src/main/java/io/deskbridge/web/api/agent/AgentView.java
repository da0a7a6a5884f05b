package io.deskbridge.web.api.agent;

import io.deskbridge.core.agent.Agent;
import io.deskbridge.web.api.Timestamps;
import java.util.List;

/** {@code lastAssignedAt}: when the agent last got a conversation (round-robin turns to others first). */
public record AgentView(
    long id, String email, String name, List<String> roles, String availability, boolean active,
    List<Long> departmentIds, String lastAssignedAt, String createdAt, long version) {

  public static AgentView of(Agent a) {
    return new AgentView(a.id(), a.email(), a.name(),
        a.roles().stream().map(Enum::name).sorted().toList(), a.availability().name(), a.isActive(),
        a.departmentIds().stream().sorted().toList(), Timestamps.iso(a.lastAssignedAt().orElse(null)),
        Timestamps.iso(a.createdAt()), a.version());
  }
}
