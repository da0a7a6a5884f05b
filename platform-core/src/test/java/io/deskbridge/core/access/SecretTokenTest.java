package io.deskbridge.core.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Bearer secrets (API keys, agent tokens): random, prefixed, stored only as a SHA-256 digest. */
class SecretTokenTest {

  private static final String PREFIX = "dbk_";

  private static SecretToken token() {
    return SecretToken.generate(PREFIX);
  }

  @Test
  void generatedTokenCarriesItsPrefix() {
    SecretToken token = token();

    assertTrue(token.value().startsWith(PREFIX), token.value());
    assertTrue(token.value().substring(PREFIX.length()).matches("[A-Za-z0-9_-]{43}"), token.value());
  }

  @Test
  void generatedTokensAreUnique() {
    Set<String> values = new HashSet<>();
    IntStream.range(0, 100).forEach(i -> values.add(token().value()));

    assertEquals(100, values.size());
  }

  @Test
  void digestIsSixtyFourHexCharacters() {
    assertTrue(token().digest().matches("[0-9a-f]{64}"));
  }

  @Test
  void digestIsStableForOneSecret() {
    SecretToken token = token();

    assertEquals(token.digest(), token.digest());
    assertEquals(token.digest(), new SecretToken(token.value()).digest());
    assertEquals(token.digest(), SecretToken.digestOf(token.value()));
  }

  @Test
  void digestIsSha256OfTheSecret() {
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        SecretToken.digestOf("abc"));
  }

  @Test
  void differentSecretsHaveDifferentDigests() {
    assertNotEquals(token().digest(), token().digest());
  }

  @Test
  void toStringShowsOnlyTheHint() {
    SecretToken token = token();

    assertFalse(token.toString().contains(token.value()));
    assertTrue(token.toString().contains(token.hint()));
    assertEquals(12, token.hint().length());
  }
}
