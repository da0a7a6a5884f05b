package io.deskbridge.plugin.amocrm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the OAuth tokens before they go to the mappings table (AES-256-GCM). The key is derived from
 * the integration's client secret, which the platform itself keeps sealed, and the tenant is bound
 * in, so a copied row neither reads nor works for another tenant.
 */
final class TokenVault {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final byte[] boundTo;

  TokenVault(String clientSecret, String tenantSlug) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(("deskbridge-amocrm-tokens\n" + clientSecret).getBytes(StandardCharsets.UTF_8));
      this.key = new SecretKeySpec(digest, "AES");
      this.boundTo = tenantSlug.getBytes(StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String seal(String plaintext) {
    try {
      byte[] iv = new byte[12];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(boundTo);
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String open(String sealed) {
    try {
      byte[] in = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, in, 0, 12));
      cipher.updateAAD(boundTo);
      return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw AmoCallFailed.failed("the stored amoCRM tokens cannot be read (was the secret key changed?):"
          + " connect the integration again");
    }
  }
}
