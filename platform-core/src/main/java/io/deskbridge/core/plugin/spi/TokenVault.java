package io.deskbridge.core.plugin.spi;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals tokens a module receives at run time (an OAuth grant, an installed app's tokens) before they
 * go to the mappings table, with AES-256-GCM. The key is derived from a secret of the module's
 * configuration, which the platform itself keeps sealed, and the tenant is bound in, so a row copied
 * to another tenant neither reads nor works.
 */
public final class TokenVault {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  private final SecretKeySpec key;
  private final byte[] tenant;

  /**
   * @param purpose names what is sealed (e.g. "amocrm-tokens"), so one secret never keys two vaults alike
   * @param configSecret a secret of the module's configuration (a client secret, an application key)
   */
  public TokenVault(String purpose, String configSecret, String tenantSlug) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("deskbridge-" + purpose + "\n" + configSecret).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
      this.tenant = tenantSlug.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public String seal(String plaintext) {
    try {
      byte[] iv = new byte[IV_BYTES];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(tenant);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * @param unreadable what to throw when the text was sealed with another key or for another tenant
   *     (the configuration's secret changed: the integration must be connected again)
   */
  public String open(String sealed, Supplier<? extends RuntimeException> unreadable) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
      cipher.updateAAD(tenant);
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw unreadable.get();
    }
  }
}
