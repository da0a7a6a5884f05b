package io.deskbridge.plugin.slack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's v0 request signature: {@code v0=hex(HMAC-SHA256(secret, "v0:" + ts + ":" + body))} over the
 * raw body bytes, compared in constant time, and refused when the timestamp is more than five minutes
 * away (a replayed request). Computed here rather than with the SDK's verifier, which compares with
 * {@code String.equals} and re-encodes the body with the platform charset.
 */
final class RequestSignature {

  static final Duration MAX_AGE = Duration.ofMinutes(5);

  private final String secret;
  private final Clock clock;

  RequestSignature(String secret, Clock clock) {
    this.secret = secret;
    this.clock = clock;
  }

  boolean isValid(String timestamp, String signature, byte[] body) {
    long ts;
    try {
      ts = Long.parseLong(timestamp.trim());
    } catch (NumberFormatException e) {
      return false;
    }
    if (Math.abs(clock.instant().getEpochSecond() - ts) > MAX_AGE.toSeconds()) {
      return false;
    }
    return MessageDigest.isEqual(sign(ts, body).getBytes(StandardCharsets.US_ASCII),
        signature.trim().getBytes(StandardCharsets.US_ASCII));
  }

  String sign(long timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      mac.update(("v0:" + timestamp + ":").getBytes(StandardCharsets.US_ASCII));
      return "v0=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
