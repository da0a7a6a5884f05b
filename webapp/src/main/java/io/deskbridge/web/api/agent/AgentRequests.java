package io.deskbridge.web.api.agent;

import io.deskbridge.core.agent.Availability;
import io.deskbridge.core.agent.Role;
import java.util.Set;

/** Bodies of the agent endpoints. */
final class AgentRequests {

  private AgentRequests() {}

  record Create(String email, String name, String password, Set<Role> roles, Set<Long> departmentIds) {}

  record Update(String name, Set<Role> roles, Set<Long> departmentIds) {}

  record SetAvailability(Availability availability) {}

  record SetPassword(String password) {}
}
