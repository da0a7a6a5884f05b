package io.deskbridge.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An agent's roles live in one column, e.g. "ADMIN,AGENT". */
class RoleSetConverterTest {

  private final RoleSetConverter converter = new RoleSetConverter();

  @Test
  void columnComesBackAsTheSameRoles() {
    Set<Role> roles = converter.convertToEntityAttribute("ADMIN,AGENT");

    assertEquals(EnumSet.of(Role.ADMIN, Role.AGENT), roles);
    assertEquals("ADMIN,AGENT", converter.convertToDatabaseColumn(roles));
  }

  @Test
  void rolesAreWrittenInAStableOrder() {
    assertEquals("ADMIN,AGENT,INTEGRATOR",
        converter.convertToDatabaseColumn(Set.of(Role.INTEGRATOR, Role.AGENT, Role.ADMIN)));
    assertEquals("", converter.convertToDatabaseColumn(Set.of()));
  }

  @Test
  void spacesAroundRoleNamesAreIgnored() {
    assertEquals(EnumSet.of(Role.AGENT, Role.INTEGRATOR), converter.convertToEntityAttribute(" AGENT , INTEGRATOR"));
  }

  @Test
  void emptyColumnMeansNoRoles() {
    assertEquals(EnumSet.noneOf(Role.class), converter.convertToEntityAttribute(null));
    assertEquals(EnumSet.noneOf(Role.class), converter.convertToEntityAttribute(""));
  }

  @Test
  void unknownRoleIsNotSilentlyDropped() {
    assertThrows(IllegalArgumentException.class, () -> converter.convertToEntityAttribute("ADMIN,OWNER"));
  }
}
