package io.deskbridge.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.deskbridge.core.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Module secrets at rest: they open only with the same key and on the row they were sealed for. */
class SecretBoxTest {

  private static final String ROW = new TenantModule(new TenantId(1), "jira").secretBinding();
  private static final String OTHER_TENANTS_ROW = new TenantModule(new TenantId(2), "jira").secretBinding();

  private final byte[] key = SecretBox.newKey();
  private final SecretBox box = new SecretBox(key);

  @Test
  void aSealedSecretOpensToTheSameText() {
    String secret = "{\"apiToken\":\"ATATT3x-päss wörd ✓\"}";

    assertEquals(secret, box.open(box.seal(secret, ROW), ROW));
    assertEquals("", box.open(box.seal("", ROW), ROW));
  }

  @Test
  void aSealedSecretOpensWithAnotherBoxOfTheSameKey() {
    String sealed = box.seal("token", ROW);

    assertEquals("token", new SecretBox(key.clone()).open(sealed, ROW));
  }

  @Test
  void theSameSecretSealsDifferentlyEachTime() {
    String first = box.seal("token", ROW);
    String second = box.seal("token", ROW);

    assertNotEquals(first, second);
    // The random IV is the first 12 bytes.
    assertFalse(Arrays.equals(Arrays.copyOf(Base64.getDecoder().decode(first), 12),
        Arrays.copyOf(Base64.getDecoder().decode(second), 12)));
  }

  @Test
  void theSealedTextDoesNotContainTheSecret() {
    String sealed = box.seal("plain-secret-value", ROW);

    assertFalse(sealed.contains("plain-secret-value"));
    assertFalse(new String(Base64.getDecoder().decode(sealed), StandardCharsets.ISO_8859_1)
        .contains("plain-secret-value"));
  }

  @Test
  void aSecretDoesNotOpenWithAnotherKey() {
    String sealed = box.seal("token", ROW);
    SecretBox other = new SecretBox(SecretBox.newKey());

    assertThrows(IllegalStateException.class, () -> other.open(sealed, ROW));
  }

  @Test
  void aSecretDoesNotOpenOnAnotherRow() {
    String sealed = box.seal("token", ROW);

    assertThrows(IllegalStateException.class, () -> box.open(sealed, OTHER_TENANTS_ROW));
    assertThrows(IllegalStateException.class,
        () -> box.open(sealed, new TenantModule(new TenantId(1), "webhook").secretBinding()));
  }

  @Test
  void aTamperedSecretDoesNotOpen() {
    byte[] sealed = Base64.getDecoder().decode(box.seal("token", ROW));
    sealed[sealed.length - 1] ^= 1;

    assertThrows(IllegalStateException.class, () -> box.open(Base64.getEncoder().encodeToString(sealed), ROW));
  }

  @ParameterizedTest
  @ValueSource(strings = {"not base64 at all!", "", "AAAA"})
  void garbageDoesNotOpen(String sealed) {
    assertThrows(IllegalStateException.class, () -> box.open(sealed, ROW));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 16, 31, 33, 64})
  void theKeyMustBe32Bytes(int length) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new SecretBox(new byte[length]));

    assertEquals("The secret key must be 32 bytes (256 bits), got " + length, e.getMessage());
  }

  @Test
  void aNewKeyIs32RandomBytes() {
    byte[] first = SecretBox.newKey();

    assertEquals(32, first.length);
    assertFalse(Arrays.equals(first, SecretBox.newKey()));
  }

  @Test
  void theBoxDoesNotKeepTheCallersArray() {
    byte[] callers = SecretBox.newKey();
    SecretBox fromCallers = new SecretBox(callers);
    String sealed = fromCallers.seal("token", ROW);

    Arrays.fill(callers, (byte) 0);

    assertEquals("token", fromCallers.open(sealed, ROW));
  }

  @Test
  void toStringRevealsNothing() {
    String text = box.toString();

    assertFalse(text.contains(Base64.getEncoder().encodeToString(key)), text);
    assertFalse(text.toLowerCase().contains(HexFormat.of().formatHex(key)), text);
    assertFalse(text.contains(Arrays.toString(key)), text);
  }

  @Test
  void theRowBindingNamesTenantAndModule() {
    assertEquals("tenant:1:module:jira", ROW);
    assertNotEquals(ROW, OTHER_TENANTS_ROW);
  }
}
