package io.deskbridge.core.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A bearer secret as handed to its owner once. Only its SHA-256 digest is stored: the secret has 256
 * random bits, so a fast digest is enough (a slow hash is for guessable passwords) and lets every
 * request be authenticated by one indexed lookup.
 */
public record SecretToken(String value) {

  private static final SecureRandom RANDOM = new SecureRandom();

  public static SecretToken generate(String prefix) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return new SecretToken(prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  public String digest() {
    return digestOf(value);
  }

  public static String digestOf(String secret) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }

  /** The first characters, enough for an admin to tell keys apart in a list. */
  public String hint() {
    return value.substring(0, Math.min(value.length(), 12));
  }

  @Override
  public String toString() {
    return "SecretToken[" + hint() + "…]";
  }
}
