package io.deskbridge.core.agent;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Keeps an agent's roles in one column ("ADMIN,AGENT"): read with the agent, never queried apart. */
@Converter
public class RoleSetConverter implements AttributeConverter<Set<Role>, String> {

  @Override
  public String convertToDatabaseColumn(Set<Role> roles) {
    return roles.stream().sorted().map(Role::name).collect(Collectors.joining(","));
  }

  @Override
  public Set<Role> convertToEntityAttribute(String column) {
    EnumSet<Role> roles = EnumSet.noneOf(Role.class);
    if (column != null && !column.isBlank()) {
      Arrays.stream(column.split(",")).map(String::trim).map(Role::valueOf).forEach(roles::add);
    }
    return roles;
  }
}
