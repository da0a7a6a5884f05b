package io.deskbridge.plugin.bitrix;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals what an installed app receives (access, refresh and application tokens) before it goes to
 * the mappings table, with AES-256-GCM. The key comes from the application key, which the platform
 * keeps sealed itself; the tenant is bound in, so a row copied to another tenant neither reads nor works.
 */
final class TokenSeal {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int IV_BYTES = 12;

  private final SecretKeySpec key;
  private final byte[] tenant;

  TokenSeal(String applicationKey, String tenantSlug) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("deskbridge-bitrix24-tokens\n" + applicationKey).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
      this.tenant = tenantSlug.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String seal(String plaintext) {
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

  String open(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, IV_BYTES));
      cipher.updateAAD(tenant);
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw PortalCallFailed.failed("the stored Bitrix24 tokens cannot be read (was the application key"
          + " changed?): install the app again");
    }
  }
}
