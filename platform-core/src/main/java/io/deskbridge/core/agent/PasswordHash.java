package io.deskbridge.core.agent;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A salted PBKDF2 password hash in the format of Jakarta Security's {@code Pbkdf2PasswordHash}
 * ({@code algorithm:iterations:salt:hash}, Base64), computed with the JDK's own PBKDF2 so no
 * cryptography is home-made and stored hashes stay readable by a Jakarta Security identity store.
 */
public record PasswordHash(String encoded) {

  private static final String ALGORITHM = "PBKDF2WithHmacSHA512";
  private static final int ITERATIONS = 210_000;
  private static final int SALT_BYTES = 32;
  private static final int KEY_BITS = 512;
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Used to spend the same time on an unknown email as on a wrong password. */
  private static final PasswordHash DECOY = of("decoy-password-never-matches");

  public static final int MIN_LENGTH = 8;

  public static PasswordHash of(String password) {
    byte[] salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(ALGORITHM, password.toCharArray(), salt, ITERATIONS, KEY_BITS);
    Base64.Encoder b64 = Base64.getEncoder();
    return new PasswordHash(
        ALGORITHM + ":" + ITERATIONS + ":" + b64.encodeToString(salt) + ":" + b64.encodeToString(hash));
  }

  public boolean matches(String password) {
    String[] parts = encoded.split(":");
    if (parts.length != 4 || password == null) {
      return false;
    }
    try {
      byte[] salt = Base64.getDecoder().decode(parts[2]);
      byte[] expected = Base64.getDecoder().decode(parts[3]);
      byte[] actual =
          derive(parts[0], password.toCharArray(), salt, Integer.parseInt(parts[1]), expected.length * 8);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException e) {
      // A damaged stored hash never matches; it must not turn a login into a server error.
      return false;
    }
  }

  /** Burns the time of one verification; answers for an unknown account must not be faster. */
  public static void spendVerificationTime(String password) {
    DECOY.matches(password == null ? "" : password);
  }

  private static byte[] derive(String algorithm, char[] password, byte[] salt, int iterations, int bits) {
    try {
      PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
      return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2 is not available in this JDK", e);
    }
  }

  @Override
  public String toString() {
    int end = encoded.indexOf(':');
    return "PasswordHash[" + (end < 0 ? "?" : encoded.substring(0, end)) + "]";
  }
}
