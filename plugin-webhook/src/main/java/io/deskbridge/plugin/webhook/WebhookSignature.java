package io.deskbridge.plugin.webhook;

import io.deskbridge.core.plugin.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code X-Deskbridge-Signature}: {@code sha256=} and the lower-case hex HMAC-SHA256 of
 * {@code "<timestamp>.<body>"} under the tenant's secret. Signing the timestamp with the body lets a
 * receiver refuse replays of an old request (Stripe's and Slack's scheme).
 */
final class WebhookSignature {

  static final String PREFIX = "sha256=";
  private static final String ALGORITHM = "HmacSHA256";

  private final Secret secret;

  WebhookSignature(Secret secret) {
    this.secret = secret;
  }

  String sign(long timestamp, byte[] body) {
    try {
      // A Mac is not thread-safe and deliveries of different conversations run in parallel.
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(new SecretKeySpec(secret.reveal().getBytes(StandardCharsets.UTF_8), ALGORITHM));
      mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
      return PREFIX + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "WebhookSignature[" + ALGORITHM + "]";
  }
}
