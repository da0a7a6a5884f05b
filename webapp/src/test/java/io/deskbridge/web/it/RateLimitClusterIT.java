package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.plugin.amocrm.FakeAmoCrm;
import io.deskbridge.plugin.bitrix.FakeBitrix24;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one PostgreSQL database enforce each rate limit once, not once per instance: a
 * widget visitor writing to both alternately is refused after 20 messages in total, and amoCRM gets
 * its 7 requests a second, not 14, and Bitrix24 one bucket filled, not two, while both instances
 * deliver one tenant's burst. Runs in the PostgreSQL pass of CI (embedded H2 cannot be shared by two
 * processes).
 */
class RateLimitClusterIT {

  static final int MESSAGES_PER_VISITOR = 20;
  static final int CUSTOMERS = 24;
  static final int BITRIX_CUSTOMERS = 30;

  static TwoInstances cluster;

  @BeforeAll
  static void start() throws Exception {
    cluster = TwoInstances.start("ratelimit-cluster", Map.of());
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void aWidgetVisitorWritingToBothInstancesIsRefusedAfterTheLimitInTotal() {
    Api a = cluster.a();
    Api b = cluster.b();
    TestTenant t = TestTenant.createWith(a, cluster.adminToken, "rl-widget");
    Api.Reply visit = b.post("/api/v1/widget/" + t.slug() + "/visitors", null, Map.of());
    assertEquals(201, visit.status(), visit::toString);
    String token = visit.json().get("token").asText();

    int accepted = 0;
    Api.Reply firstRefused = null;
    for (int i = 1; i <= MESSAGES_PER_VISITOR + 10; i++) {
      Api.Reply reply = send(i % 2 == 0 ? a : b, t.slug(), token, "flood-" + i, "Message " + i);
      if (reply.status() == 201) {
        accepted++;
        assertTrue(firstRefused == null, () -> "a message was accepted after one was refused: " + reply);
      } else if (firstRefused == null) {
        firstRefused = reply;
      }
    }
    assertEquals(MESSAGES_PER_VISITOR, accepted, "the per-visitor limit holds for the two instances together");
    assertProblem(firstRefused, 429, "rate-limited");
    long retryAfter = Long.parseLong(firstRefused.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retryAfter >= 1 && retryAfter <= 61, () -> "Retry-After " + retryAfter);
  }

  @Test
  void amoCrmSeesSevenRequestsASecondNotFourteenWhileBothInstancesDeliver() throws Exception {
    Api a = cluster.a();
    Api b = cluster.b();
    try (FakeAmoCrm amo = new FakeAmoCrm()) {
      TestTenant t = TestTenant.createWith(a, cluster.adminToken, "rl-amo");
      enable(a, t, "amocrm", Map.of("baseUrl", amo.url(), "authMode", "token", "accessToken", amo.longLivedToken(),
          "webhookToken", "hook-" + t.slug()));

      customersWriteToBoth(a, b, t, CUSTOMERS);
      Await.until(() -> amo.leads().size(), n -> n >= CUSTOMERS, Duration.ofMinutes(3));
      Await.until(() -> delivered(a, "amocrm") + delivered(b, "amocrm"), n -> n >= CUSTOMERS,
          Duration.ofMinutes(1));

      assertEquals(CUSTOMERS, amo.leads().size(), "one lead per customer");
      assertTrue(delivered(a, "amocrm") > 0 && delivered(b, "amocrm") > 0,
          "both instances delivered: A " + delivered(a, "amocrm") + ", B " + delivered(b, "amocrm"));
      // The pacers keep each call's place from its turn until a window after its answer, cluster-wide,
      // and the fake counts the request somewhere in between: however late a loaded instance sends
      // one, no second of the vendor's holds an eighth. Pacers per instance would give up to 14.
      System.out.printf("Rate limit cluster test: %d amoCRM requests, at most %d in one second, %d in two;"
          + " %d answered 429; instance A delivered %d jobs, B %d%n", amo.requests(), amo.maxRequestsInOneSecond(),
          amo.maxRequestsIn(Duration.ofSeconds(2)), amo.tooManyRequests(), delivered(a, "amocrm"),
          delivered(b, "amocrm"));
      assertTrue(amo.maxRequestsInOneSecond() <= FakeAmoCrm.LIMIT_PER_SECOND,
          "amoCRM saw " + amo.maxRequestsInOneSecond() + " requests in one second");
      assertEquals(0, amo.tooManyRequests(), "no request was refused for the rate");
      // What an operator watches for a slow vendor: every paced request's time from turn to answer.
      assertEquals(amo.requests(), callsTimed(a, "amocrm") + callsTimed(b, "amocrm"),
          "each amoCRM request is in deskbridge_vendor_call_time of the instance that sent it");
    }
  }

  @Test
  void bitrix24SeesOneBucketFilledNotTwoWhileBothInstancesDeliver() throws Exception {
    Api a = cluster.a();
    Api b = cluster.b();
    try (FakeBitrix24 bitrix = new FakeBitrix24()) {
      TestTenant t = TestTenant.createWith(a, cluster.adminToken, "rl-b24");
      enable(a, t, "bitrix24", Map.of("baseUrl", bitrix.webhookUrl(), "authMode", "webhook", "entity", "deal",
          "applicationToken", FakeBitrix24.APPLICATION_TOKEN));

      customersWriteToBoth(a, b, t, BITRIX_CUSTOMERS);
      Await.until(() -> bitrix.deals().size(), n -> n >= BITRIX_CUSTOMERS, Duration.ofMinutes(3));
      Await.until(() -> comments(bitrix), n -> n >= BITRIX_CUSTOMERS, Duration.ofMinutes(2));

      assertEquals(BITRIX_CUSTOMERS, bitrix.deals().size(), "one deal per customer");
      assertEquals(BITRIX_CUSTOMERS, comments(bitrix), "each customer's message once");
      assertTrue(delivered(a, "bitrix24") > 0 && delivered(b, "bitrix24") > 0,
          "both instances delivered: A " + delivered(a, "bitrix24") + ", B " + delivered(b, "bitrix24"));
      // Each instance keeps 4 of the portal's 50 as headroom; two buckets of their own would let
      // through 92 at once and the portal would refuse some with QUERY_LIMIT_EXCEEDED.
      System.out.printf("Rate limit cluster test: %d Bitrix24 requests, the bucket at most %.1f full,"
          + " %d refused; instance A delivered %d jobs, B %d%n", bitrix.requestTimes().size(),
          bitrix.fullestBucket(), bitrix.overflows(), delivered(a, "bitrix24"), delivered(b, "bitrix24"));
      assertEquals(0, bitrix.overflows(), "no request was refused as over the bucket");
      assertTrue(bitrix.requestTimes().size() > 2 * FakeBitrix24.BUCKET_SIZE,
          "the burst was more than both instances' buckets: " + bitrix.requestTimes().size());
    }
  }

  private static void enable(Api api, TestTenant t, String module, Map<String, Object> config) {
    Api.Reply enabled = api.put(t.path("/modules/" + module), t.adminToken(),
        Map.of("enabled", true, "config", config));
    assertEquals(200, enabled.status(), enabled::toString);
  }

  private static long comments(FakeBitrix24 bitrix) {
    return bitrix.deals().stream().mapToLong(d -> bitrix.comments("deal", d.path("ID").asLong()).size()).sum();
  }

  /** Each customer writes once, to the two instances in turn. */
  private static void customersWriteToBoth(Api a, Api b, TestTenant t, int customers) {
    for (int i = 0; i < customers; i++) {
      Api.Reply receipt = newCustomerWrites(i % 2 == 0 ? a : b, t, i);
      assertEquals(201, receipt.status(), receipt::toString);
    }
  }

  /** A customer of their own (own email and phone, so amoCRM gets a contact and a lead each) writes. */
  private static Api.Reply newCustomerWrites(Api api, TestTenant t, int i) {
    ObjectNode body = Api.object();
    body.put("channel", "api").put("externalMessageId", "rl-msg-" + i).put("text", "Hello from " + i);
    body.putObject("customer").put("externalId", "rl-customer-" + i).put("name", "Customer " + i)
        .put("email", "rl-" + i + "@customer.test").put("phone", String.format("+7999%07d", i));
    return api.post(t.path("/inbound/messages"), t.agentToken(), body);
  }

  private static Api.Reply send(Api api, String slug, String token, String clientMessageId, String text) {
    String body = Api.JSON.valueToTree(Map.of("clientMessageId", clientMessageId, "name", "Olga Visitor",
        "email", "olga@visitor.test", "language", "en-GB", "text", text)).toString();
    return api.send("POST", "/api/v1/widget/" + slug + "/messages", null,
        Map.of("Content-Type", "application/json", "X-Visitor-Token", token), body);
  }

  private static long callsTimed(Api api, String module) {
    return TwoInstances.counter(api, "deskbridge_vendor_call_time_seconds_count", "module=\"" + module + "\"");
  }

  private static long delivered(Api api, String module) {
    return TwoInstances.counter(api, "deskbridge_outbox_delivered_total", "module=\"" + module + "\"");
  }
}
