package io.deskbridge.core.agent;

import java.util.Set;

/** The fields an admin gives to add an agent; {@code departmentIds} may be null (none). */
public record NewAgent(String email, String name, String password, Set<Role> roles, Set<Long> departmentIds) {

  public NewAgent(String email, String name, String password, Set<Role> roles) {
    this(email, name, password, roles, Set.of());
  }
}
