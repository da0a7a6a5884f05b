package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.plugin.spi.DeliveryResult;
import io.deskbridge.core.plugin.spi.DeliveryResult.Outcome;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryOutcomeTest {

  private FakeReceiver receiver;

  @BeforeEach
  void start() throws Exception {
    receiver = new FakeReceiver();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {200, 202, 204})
  void anySuccessfulAnswerCompletesTheDelivery(int status) {
    receiver.answers(status);

    assertEquals(Outcome.DONE, deliver().outcome());
  }

  @Test
  void retriesWhenTheReceiverAnswers500() {
    receiver.answers(500, Map.of(), "{\"error\":\"database down\"}");

    DeliveryResult result = deliver();

    assertEquals(Outcome.RETRY, result.outcome());
    assertNull(result.retryAfter());
    assertEquals("Receiver answered 500: {\"error\":\"database down\"}", result.detail());
  }

  @ParameterizedTest
  @ValueSource(ints = {408, 429, 502, 503, 504})
  void retriesPassingFailuresWithoutRetryAfter(int status) {
    receiver.answers(status);

    DeliveryResult result = deliver();

    assertEquals(Outcome.RETRY, result.outcome());
    assertNull(result.retryAfter());
  }

  @Test
  void retriesAfterTheReceiversRetryAfter() {
    receiver.answers(429, Map.of("Retry-After", "7"), "slow down");

    DeliveryResult result = deliver();

    assertEquals(Outcome.RETRY, result.outcome());
    assertEquals(Duration.ofSeconds(7), result.retryAfter());
    assertEquals("Receiver answered 429: slow down", result.detail());
  }

  @Test
  void retriesAtTheHttpDateOfA503RetryAfter() {
    String inTwoMinutes = DateTimeFormatter.RFC_1123_DATE_TIME
        .format(TestTenant.NOW.plusSeconds(120).atOffset(ZoneOffset.UTC));
    receiver.answers(503, Map.of("Retry-After", inTwoMinutes), "");

    DeliveryResult result = deliver();

    assertEquals(Outcome.RETRY, result.outcome());
    assertEquals(Duration.ofMinutes(2), result.retryAfter());
  }

  @Test
  void ignoresARetryAfterItCannotRead() {
    receiver.answers(429, Map.of("Retry-After", "soon"), "");

    DeliveryResult result = deliver();

    assertEquals(Outcome.RETRY, result.outcome());
    assertNull(result.retryAfter());
  }

  @Test
  void deadLettersWhenTheReceiverAnswers410() {
    receiver.answers(410, Map.of(), "hook removed");

    DeliveryResult result = deliver();

    assertEquals(Outcome.FAILED, result.outcome());
    assertEquals("Receiver answered 410: hook removed", result.detail());
  }

  @ParameterizedTest
  @ValueSource(ints = {301, 400, 401, 403, 404, 422})
  void deadLettersAnswersNoRetryCanChange(int status) {
    receiver.answers(status);

    assertEquals(Outcome.FAILED, deliver().outcome());
  }

  @Test
  void detailQuotesAtMost200CharactersOfTheReceiversBodyOnOneLine() {
    receiver.answers(400, Map.of(), "bad\n  payload " + "x".repeat(5000));

    String detail = deliver().detail();

    String quoted = detail.substring("Receiver answered 400: ".length());
    assertTrue(quoted.startsWith("bad payload xxx"), quoted);
    assertEquals(201, quoted.length(), "200 characters and an ellipsis");
  }

  @Test
  void retriesWhenTheReceiverDoesNotAnswerInTime() {
    receiver.stalls();
    WebhookPlugin plugin = TestTenant.sendingTo(receiver.url()).with("timeout", Duration.ofMillis(300)).plugin();

    long started = System.nanoTime();
    DeliveryResult result = plugin.deliver(Events.job(Events.customerMessage()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(Outcome.RETRY, result.outcome());
    assertEquals("The receiver did not answer within PT0.3S", result.detail());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + took);
  }

  @Test
  void retriesWhenTheReceiverNeverFinishesItsAnswer() {
    receiver.stallsMidBody();
    WebhookPlugin plugin = TestTenant.sendingTo(receiver.url()).with("timeout", Duration.ofMillis(300)).plugin();

    long started = System.nanoTime();
    DeliveryResult result = plugin.deliver(Events.job(Events.customerMessage()));
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertEquals(Outcome.RETRY, result.outcome());
    assertTrue(took.compareTo(Duration.ofSeconds(5)) < 0, "gave up after " + took);
  }

  @Test
  void retriesWhenTheReceiverRefusesConnections() throws Exception {
    URI closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
    }

    DeliveryResult result = TestTenant.sendingTo(closedPort).plugin().deliver(Events.job(Events.customerMessage()));

    assertEquals(Outcome.RETRY, result.outcome());
    assertTrue(result.detail().startsWith("Could not connect to the receiver"), result.detail());
  }

  @Test
  void agentActionsFailWithoutCallingTheReceiver() {
    DeliveryResult result = TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.agentAction());

    assertEquals(Outcome.FAILED, result.outcome());
    assertTrue(receiver.received().isEmpty());
  }

  private DeliveryResult deliver() {
    return TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));
  }
}
