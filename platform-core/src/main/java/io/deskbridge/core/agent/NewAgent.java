package io.deskbridge.core.agent;

import java.util.Set;

/** The fields an admin gives to add an agent. */
public record NewAgent(String email, String name, String password, Set<Role> roles) {}
