package io.deskbridge.plugin.amocrm;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Chats API's signatures with the channel secret: every request we send is signed over
 * {@code METHOD \n Content-MD5 \n Content-Type \n Date \n path}, and every webhook amoCRM sends is
 * signed over its raw body. Both are lowercase hex HMAC-SHA1.
 */
final class ChannelSignature {

  static final String CONTENT_TYPE = "application/json";
  /** RFC 2822, as amojo wants the Date header ("Thu, 01 Jan 2023 12:00:00 +0000"). */
  static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

  private final byte[] secret;

  ChannelSignature(String channelSecret) {
    this.secret = channelSecret.getBytes(StandardCharsets.UTF_8);
  }

  static String contentMd5(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("MD5 is missing from this JVM", e);
    }
  }

  static String date(ZonedDateTime at) {
    return DATE.format(at);
  }

  String ofRequest(String method, String contentMd5, String date, String path) {
    return hmac((method + "\n" + contentMd5 + "\n" + CONTENT_TYPE + "\n" + date + "\n" + path)
        .getBytes(StandardCharsets.UTF_8));
  }

  String ofBody(byte[] body) {
    return hmac(body);
  }

  /** Constant-time check of a webhook's {@code X-Signature} against its raw body. */
  boolean signs(byte[] body, String signature) {
    return signature != null && MessageDigest.isEqual(ofBody(body).getBytes(StandardCharsets.US_ASCII),
        signature.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
  }

  private String hmac(byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA1");
      mac.init(new SecretKeySpec(secret, "HmacSHA1"));
      return HexFormat.of().formatHex(mac.doFinal(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA1 is missing from this JVM", e);
    }
  }
}
