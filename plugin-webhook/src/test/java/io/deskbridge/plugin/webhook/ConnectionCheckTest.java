package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.ConnectionCheck;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {

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
  void signedPingAnsweredWith2xxIsOk() throws Exception {
    receiver.answers(204);

    ConnectionCheck check = TestTenant.sendingTo(receiver.url()).plugin().testConnection();

    assertEquals(ConnectionCheck.ok("Receiver answered 204"), check);
    FakeReceiver.Received ping = receiver.onlyRequest();
    assertEquals("ping", ping.header("X-Deskbridge-Event"));
    assertTrue(ping.header("X-Deskbridge-Delivery").startsWith("ping:"), ping.header("X-Deskbridge-Delivery"));
    assertEquals(ping.header("X-Deskbridge-Delivery"), WebhookPayloadTest.parse(ping.body()).getString("id"));
    assertEquals("sha256=" + SignedDeliveryTest.hmac(TestTenant.SECRET, ping.header("X-Deskbridge-Timestamp"),
        ping.body()), ping.header("X-Deskbridge-Signature"));
  }

  @Test
  void pingRefusedByTheReceiverFailsWithItsStatus() {
    receiver.answers(401, Map.of(), "bad signature");

    ConnectionCheck check = TestTenant.sendingTo(receiver.url()).plugin().testConnection();

    assertEquals(ConnectionCheck.failed("Receiver answered 401: bad signature"), check);
  }

  @Test
  void unreachableReceiverFailsWithTheReason() throws Exception {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }

    ConnectionCheck check = TestTenant.sendingTo(closedPort).plugin().testConnection();

    assertFalse(check.ok());
    assertTrue(check.detail().startsWith("Could not connect to the receiver"), check.detail());
  }
}
