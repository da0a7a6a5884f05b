package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.plugin.spi.Delivery;
import io.deskbridge.core.plugin.spi.DeliveryResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SignedDeliveryTest {

  private FakeReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new FakeReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void receiverCanVerifyTheSignatureFromTheTimestampHeaderAndRawBody() throws Exception {
    DeliveryResult result = TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));

    assertEquals(DeliveryResult.Outcome.DONE, result.outcome());
    FakeReceiver.Received request = receiver.onlyRequest();
    String expected = "sha256=" + hmac(TestTenant.SECRET, request.header("X-Deskbridge-Timestamp"), request.body());
    assertTrue(MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        request.header("X-Deskbridge-Signature").getBytes(StandardCharsets.US_ASCII)));
  }

  @Test
  void signatureDoesNotVerifyUnderAnotherSecret() throws Exception {
    TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));

    FakeReceiver.Received request = receiver.onlyRequest();
    String forged = "sha256=" + hmac("another-secret", request.header("X-Deskbridge-Timestamp"), request.body());
    assertNotEquals(forged, request.header("X-Deskbridge-Signature"));
  }

  @Test
  void postsJsonWithTheEventTypeUserAgentAndTheClocksTimestamp() {
    TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));

    FakeReceiver.Received request = receiver.onlyRequest();
    assertEquals("POST", request.method());
    assertEquals("/hooks/deskbridge", request.path());
    assertEquals("application/json", request.header("Content-Type"));
    assertEquals("Deskbridge-Webhook/1", request.header("User-Agent"));
    assertEquals(MessageAdded.TYPE, request.header("X-Deskbridge-Event"));
    assertEquals(Long.toString(TestTenant.NOW.getEpochSecond()), request.header("X-Deskbridge-Timestamp"));
  }

  @Test
  void everyAttemptCarriesTheIdempotencyKeyAsDeliveryIdAndPayloadId() {
    WebhookPlugin plugin = TestTenant.sendingTo(receiver.url()).plugin();
    Delivery first = Events.job(Events.customerMessage(), 1);
    Delivery repeat = Events.job(Events.customerMessage(), 2);

    plugin.deliver(first);
    plugin.deliver(repeat);

    assertEquals(2, receiver.received().size());
    for (FakeReceiver.Received request : receiver.received()) {
      assertEquals(first.idempotencyKey(), request.header("X-Deskbridge-Delivery"));
      assertTrue(request.bodyText().startsWith("{\"id\":\"" + first.idempotencyKey() + "\""), request.bodyText());
    }
  }

  static String hmac(String secret, String timestamp, byte[] body) throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }
}
