package io.deskbridge.core.widget;

import io.deskbridge.core.tenant.TenantId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The credential a site visitor's browser keeps: a random visitor id and an HMAC-SHA256 of it and
 * the tenant under the server's secret key. Nothing is stored, so any instance sharing the key
 * (DESKBRIDGE_SECRET_KEY) checks it, and a pass made for one tenant is worthless at another.
 */
public final class VisitorPass {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern VISITOR_ID = Pattern.compile("^v-[A-Za-z0-9_-]{22}$");
  private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();

  private final SecretKeySpec key;

  /** Derives its own key from the platform key, so a widget signature never equals a sealed secret. */
  public VisitorPass(byte[] platformKey) {
    this.key = new SecretKeySpec(hmac(new SecretKeySpec(platformKey, "HmacSHA256"), "deskbridge-widget-visitor"),
        "HmacSHA256");
  }

  public record Issued(String visitorId, String token) {}

  public Issued issue(TenantId tenant) {
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String visitorId = "v-" + BASE64.encodeToString(random);
    return new Issued(visitorId, visitorId + "." + signature(tenant, visitorId));
  }

  /** The visitor id the token was issued for at this tenant; empty when forged, altered or foreign. */
  public Optional<String> visitorOf(TenantId tenant, String token) {
    if (token == null) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String visitorId = token.substring(0, dot);
    if (!VISITOR_ID.matcher(visitorId).matches()) {
      return Optional.empty();
    }
    byte[] expected = signature(tenant, visitorId).getBytes(StandardCharsets.US_ASCII);
    byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, given) ? Optional.of(visitorId) : Optional.empty();
  }

  private String signature(TenantId tenant, String visitorId) {
    return BASE64.encodeToString(hmac(key, tenant.value() + ":" + visitorId));
  }

  private static byte[] hmac(SecretKeySpec key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
