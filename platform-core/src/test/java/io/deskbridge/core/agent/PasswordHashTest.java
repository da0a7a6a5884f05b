package io.deskbridge.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.tenant.TenantId;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** Agents' passwords are stored as salted PBKDF2 hashes readable by Jakarta Security. */
class PasswordHashTest {

  private static final String PASSWORD = "correct horse battery";
  /** PBKDF2 is slow on purpose, so the tests share one hash where a fresh one proves nothing. */
  private static final PasswordHash HASH = PasswordHash.of(PASSWORD);

  private static Agent agentWithPassword() {
    return new Agent(new TenantId(1), "ann@example.com", "Ann", EnumSet.of(Role.AGENT), HASH,
        Instant.parse("2025-01-10T09:00:00Z"));
  }

  @Test
  void hashMatchesItsPasswordOnly() {
    assertTrue(HASH.matches(PASSWORD));
    assertFalse(HASH.matches("correct horse battery "));
    assertFalse(HASH.matches("Correct horse battery"));
  }

  @Test
  void samePasswordHashesDifferentlyEachTime() {
    PasswordHash again = PasswordHash.of(PASSWORD);

    assertNotEquals(HASH.encoded(), again.encoded());
    assertTrue(again.matches(PASSWORD));
  }

  @Test
  void hashIsStoredInJakartaSecurityFormat() {
    assertTrue(HASH.encoded().matches("PBKDF2WithHmacSHA512:210000:[A-Za-z0-9+/]+=*:[A-Za-z0-9+/]+=*"),
        HASH.encoded());
  }

  @Test
  void toStringDoesNotRevealTheHash() {
    String[] parts = HASH.encoded().split(":");

    assertFalse(HASH.toString().contains(parts[2]));
    assertFalse(HASH.toString().contains(parts[3]));
  }

  @Test
  void missingPasswordNeverMatches() {
    assertFalse(HASH.matches(null));
  }

  @Test
  void deactivatedAgentCannotLogInWithTheRightPassword() {
    Agent agent = agentWithPassword();
    assertTrue(agent.acceptsPassword(PASSWORD));

    agent.deactivate();

    assertFalse(agent.acceptsPassword(PASSWORD));
  }

  @Test
  void aDamagedStoredHashNeverMatchesAndDoesNotThrow() {
    assertFalse(new PasswordHash("PBKDF2WithHmacSHA512:many:%%%:%%%").matches("secret"));
    assertFalse(new PasswordHash("PBKDF2WithHmacSHA512:1000:not base64!:also not").matches("secret"));
    assertFalse(new PasswordHash("garbage").matches("secret"));
    assertEquals("PasswordHash[?]", new PasswordHash("garbage").toString());
  }
}
