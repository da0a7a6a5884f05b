package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin sets SLA policies, plans and the business-hours calendar through the API; an agent sees
 * each conversation's due times and states, and a module hears the warning before the breach.
 */
@ExtendWith(DeskbridgeServer.class)
class SlaIT {

  static final Duration WAIT = Duration.ofSeconds(30);
  static Api api;
  static Receiver receiver;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    receiver = new Receiver();
  }

  @AfterAll
  static void tearDown() {
    receiver.close();
  }

  static JsonNode timer(JsonNode sla, String target) {
    for (JsonNode timer : sla.get("timers")) {
      if (timer.get("target").asText().equals(target)) {
        return timer;
      }
    }
    throw new AssertionError("no " + target + " timer in " + sla);
  }

  static long createPolicy(TestTenant t, Map<String, Object> body) {
    Api.Reply created = api.post(t.path("/sla-policies"), t.adminToken(), body);
    assertEquals(201, created.status(), created::toString);
    return created.id();
  }

  static void useByDefault(TestTenant t, long policyId) {
    Api.Reply changed = api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "defaultPolicyId", policyId));
    assertEquals(200, changed.status(), changed::toString);
  }

  @Test
  void aNewTenantHasTheHandbookDefaults() {
    TestTenant t = TestTenant.create(api, "sla-defaults");
    JsonNode policies = api.get(t.path("/sla-policies"), t.agentToken()).json().get("items");
    assertEquals(1, policies.size(), policies::toString);
    JsonNode policy = policies.get(0);
    assertEquals("Default", policy.get("name").asText());
    assertEquals(List.of("PT1M", "PT5M", "PT30M"), List.of(policy.get("firstReply").asText(),
        policy.get("nextReply").asText(), policy.get("resolution").asText()));
    assertEquals(0.8, policy.get("warnAtShare").asDouble());
    List<String> plans = new ArrayList<>();
    api.get(t.path("/support-plans"), t.agentToken()).json().get("items")
        .forEach(p -> plans.add(p.get("name").asText() + ": " + p.get("timeToEngage").asText()));
    assertEquals(List.of("Flow: 7 business days", "Basic: 2 business days", "Premium: 4 business hours",
        "VIP: PT2H"), plans);

    JsonNode rules = api.get(t.path("/rules"), t.agentToken()).json();
    assertEquals("PT10M", rules.get("autoClose").get("silence").asText());
    assertEquals(List.of("минут", "оформляю"), List.of(rules.get("autoClose").get("holdKeywords").get(0).asText(),
        rules.get("autoClose").get("holdKeywords").get(1).asText()));
    assertEquals("Europe/Moscow", rules.get("businessHours").get("timezone").asText());
    assertEquals(5, rules.get("businessHours").get("periods").size(), "Monday to Friday");
    assertEquals(false, rules.get("workflow").get("autoAssign").asBoolean());
  }

  @Test
  void onlyAdminsChangeTheRulesAndBadValuesAreNamed() {
    TestTenant t = TestTenant.create(api, "sla-validation");
    assertProblem(api.post(t.path("/sla-policies"), t.agentToken(), Map.of("name", "x")), 403, "forbidden");
    Api.Reply bad = api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "Broken",
        "firstReply", "soon", "nextReply", "PT5M", "resolution", "PT30M"));
    assertFieldErrors(bad, "firstReply");
    Api.Reply share = api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "Broken",
        "firstReply", "PT1M", "nextReply", "PT5M", "resolution", "PT30M", "warnAtShare", 1.5));
    assertFieldErrors(share, "warnAtShare");
    Api.Reply hours = api.put(t.path("/rules/business-hours"), t.adminToken(), Map.of("timezone", "Mars/Olympus",
        "periods", List.of(Map.of("day", "MONDAY", "from", "18:00", "to", "09:00"))));
    assertEquals(400, hours.status(), hours::toString);
    assertTrue(hours.raw().contains("timezone"), hours::toString);
    Api.Reply overlap = api.put(t.path("/rules/business-hours"), t.adminToken(), Map.of("timezone", "UTC",
        "periods", List.of(Map.of("day", "MONDAY", "from", "09:00", "to", "13:00"),
            Map.of("day", "MONDAY", "from", "12:00", "to", "18:00"))));
    assertFieldErrors(overlap, "periods[1]");
    long policy = createPolicy(t, Map.of("name", "Strict", "firstReply", "PT30S", "nextReply", "PT2M",
        "resolution", "PT10M"));
    assertProblem(api.post(t.path("/sla-policies"), t.adminToken(), Map.of("name", "strict",
        "firstReply", "PT1M", "nextReply", "PT5M", "resolution", "PT30M")), 409, "name-taken");
    useByDefault(t, policy);
    assertProblem(api.delete(t.path("/sla-policies/" + policy), t.adminToken()), 409, "policy-in-use");
  }

  /**
   * The calendar is built around today so the test needs no fake clock: today and tomorrow have no
   * opening hours (a weekend), the day after is a holiday, and support opens 09:00 the day after that.
   */
  @Test
  void businessHoursSkipAWeekendAndAHoliday() {
    TestTenant t = TestTenant.create(api, "sla-calendar");
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate holiday = today.plusDays(2);
    LocalDate open = today.plusDays(3);
    List<Map<String, String>> periods = new ArrayList<>();
    for (LocalDate day : List.of(holiday, open)) {
      periods.add(Map.of("day", day.getDayOfWeek().name(), "from", "09:00", "to", "13:00"));
      periods.add(Map.of("day", day.getDayOfWeek().name(), "from", "14:00", "to", "18:00"));
    }
    Api.Reply calendar = api.put(t.path("/rules/business-hours"), t.adminToken(), Map.of("timezone", "UTC",
        "periods", periods, "holidays", List.of(holiday.toString())));
    assertEquals(200, calendar.status(), calendar::toString);
    assertEquals(4, calendar.json().get("businessHours").get("periods").size());
    long office = createPolicy(t, Map.of("name", "Office", "firstReply", "5 business hours",
        "nextReply", "1 business hour", "resolution", "2 business days"));
    long premium = -1;
    for (JsonNode plan : api.get(t.path("/support-plans"), t.agentToken()).json().get("items")) {
      if (plan.get("name").asText().equals("Premium")) {
        premium = plan.get("id").asLong();
      }
    }
    Api.Reply plan = api.put(t.path("/support-plans/" + premium), t.adminToken(),
        Map.of("name", "Premium", "timeToEngage", "4 business hours", "policyId", office));
    assertEquals(200, plan.status(), plan::toString);

    long conversation = t.newConversation(api, "weekend-customer");
    long customer = api.get(t.path("/conversations/" + conversation), t.agentToken()).json().get("customerId").asLong();
    Api.Reply premiumCustomer = api.patch(t.path("/customers/" + customer), t.adminToken(), Map.of("plan", "Premium"));
    assertEquals(200, premiumCustomer.status(), premiumCustomer::toString);
    JsonNode sla = api.get(t.path("/conversations/" + conversation + "/sla"), t.agentToken()).json();
    assertEquals("Office", sla.get("policy").asText());
    assertEquals("Premium", sla.get("plan").asText());
    // 4 business hours from now: 09:00-13:00 on the first open day, after the weekend and the holiday.
    assertEquals(open.atTime(13, 0).toInstant(ZoneOffset.UTC).toString(), sla.get("engageBy").asText());
    JsonNode firstReply = timer(sla, "FIRST_REPLY");
    // 5 business hours: 09:00-13:00, the lunch break skipped, then one hour from 14:00.
    assertEquals(open.atTime(15, 0).toInstant(ZoneOffset.UTC).toString(), firstReply.get("dueAt").asText());
    assertEquals("ON_TRACK", firstReply.get("state").asText());
    assertEquals(5 * 3600, firstReply.get("remainingSeconds").asLong(), "no business time has passed yet");
    JsonNode view = api.get(t.path("/conversations/" + conversation), t.agentToken()).json();
    assertEquals(sla.get("timers").size(), view.get("sla").get("timers").size(), "the view carries the timers");
    assertTrue(DayOfWeek.from(open) != DayOfWeek.from(today), "the calendar repeats weekly");
  }

  @Test
  void ourClientsAreTimedByTheStricterPolicy() {
    TestTenant t = TestTenant.create(api, "sla-our-clients");
    long strict = createPolicy(t, Map.of("name", "Our clients", "firstReply", "PT30S", "nextReply", "PT2M",
        "resolution", "PT15M"));
    Api.Reply workflow = api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "ourClientsPolicyId", strict));
    assertEquals(200, workflow.status(), workflow::toString);
    long regular = t.newConversation(api, "regular-customer");
    long ours = t.newConversation(api, "our-customer");
    long customer = api.get(t.path("/conversations/" + ours), t.agentToken()).json().get("customerId").asLong();
    assertEquals(200, api.patch(t.path("/customers/" + customer), t.adminToken(), Map.of("ourClient", true)).status());

    JsonNode oursSla = api.get(t.path("/conversations/" + ours + "/sla"), t.agentToken()).json();
    assertEquals("Our clients", oursSla.get("policy").asText());
    assertEquals(Instant.parse(timer(oursSla, "FIRST_REPLY").get("startedAt").asText()).plusSeconds(30).toString(),
        timer(oursSla, "FIRST_REPLY").get("dueAt").asText());
    assertEquals("Default", api.get(t.path("/conversations/" + regular + "/sla"), t.agentToken()).json()
        .get("policy").asText());
  }

  @Test
  void aWarningThenABreachReachModulesOnceEach() throws Exception {
    TestTenant t = TestTenant.create(api, "sla-alerts");
    Api.Reply hook = api.put(t.path("/modules/webhook"), t.adminToken(), Map.of("enabled", true, "config",
        Map.of("url", receiver.url("/sla-" + t.slug()), "secret", "k", "events", List.of("sla.warned", "sla.breached"),
            "includeInternal", false)));
    assertEquals(200, hook.status(), hook::toString);
    useByDefault(t, createPolicy(t, Map.of("name", "Blitz", "firstReply", "PT4S", "nextReply", "PT4S",
        "resolution", "PT1H", "warnAtShare", 0.5)));

    Instant opened = Instant.now();
    long conversation = t.newConversation(api, "impatient-customer");
    List<Receiver.Call> calls = receiver.await("/sla-" + t.slug(), c -> c.size() >= 2, WAIT);
    JsonNode warned = Api.JSON.readTree(calls.get(0).body());
    JsonNode breached = Api.JSON.readTree(calls.get(1).body());
    assertEquals("sla.warned", calls.get(0).header("X-Deskbridge-Event"));
    assertEquals("sla.breached", calls.get(1).header("X-Deskbridge-Event"));
    assertEquals(conversation, warned.get("data").get("conversationId").asLong());
    assertEquals("FIRST_REPLY", warned.get("data").get("target").asText());
    assertEquals("Blitz", breached.get("data").get("policy").asText());
    assertTrue(calls.get(0).at().isAfter(opened.plusMillis(1500)), "the warning came at half the target");
    assertTrue(calls.get(1).at().isAfter(opened.plusMillis(3500)), "the breach came at the due time");
    assertEquals("BREACHED", timer(api.get(t.path("/conversations/" + conversation + "/sla"), t.agentToken()).json(),
        "FIRST_REPLY").get("state").asText());

    // A late reply does not undo the breach, and nothing is announced twice.
    api.post(t.path("/conversations/" + conversation + "/messages"), t.agentToken(),
        Map.of("text", "Sorry for the wait", "visibility", "PUBLIC"));
    sleep(Duration.ofSeconds(2));
    assertEquals(2, receiver.calls("/sla-" + t.slug()).size(), receiver.calls("/sla-" + t.slug())::toString);
    JsonNode after = timer(api.get(t.path("/conversations/" + conversation + "/sla"), t.agentToken()).json(),
        "FIRST_REPLY");
    assertEquals("BREACHED", after.get("state").asText());
    assertTrue(after.get("stoppedAt").isTextual());
  }

  /**
   * After its last breach a conversation waits for nothing, so the sweeper takes it out of the due
   * index; that breach must still be announced (on PostgreSQL an untyped null once failed the check).
   */
  @Test
  void theLastBreachIsAnnouncedWhenNoTimerIsLeft() throws Exception {
    TestTenant t = TestTenant.create(api, "sla-last");
    Api.Reply hook = api.put(t.path("/modules/webhook"), t.adminToken(), Map.of("enabled", true, "config",
        Map.of("url", receiver.url("/sla-" + t.slug()), "secret", "k", "events", List.of("sla.warned", "sla.breached"))));
    assertEquals(200, hook.status(), hook::toString);
    useByDefault(t, createPolicy(t, Map.of("name", "Sprint", "firstReply", "PT2S", "nextReply", "PT2S",
        "resolution", "PT3S", "warnAtShare", 0.5)));

    long conversation = t.newConversation(api, "forgotten-customer");
    List<Receiver.Call> calls = receiver.await("/sla-" + t.slug(), c -> c.size() >= 4, WAIT);
    List<String> announced = new ArrayList<>();
    for (Receiver.Call call : calls) {
      JsonNode payload = Api.JSON.readTree(call.body());
      assertEquals(conversation, payload.get("data").get("conversationId").asLong());
      announced.add(payload.get("event").asText() + " " + payload.get("data").get("target").asText());
    }
    assertEquals(List.of("sla.breached FIRST_REPLY", "sla.breached RESOLUTION", "sla.warned FIRST_REPLY",
        "sla.warned RESOLUTION"), announced.stream().sorted().toList());
    sleep(Duration.ofSeconds(2));
    assertEquals(4, receiver.calls("/sla-" + t.slug()).size(), "nothing announced twice");
    assertTrue(api.serverLog().lines().noneMatch(l -> l.contains("Sweep of conversation " + conversation + " failed")),
        "the sweeper's check of the conversation never failed");
  }

  @Test
  void aThirdPartyCategoryWaitsOnTheVendorPausesResolutionAndTellsTheCustomer() {
    TestTenant t = TestTenant.create(api, "sla-vendor");
    long vendorReply = api.post(t.path("/saved-replies"), t.adminToken(), Map.of("title", "Vendor",
        "body", "{{customer.name}}, we are waiting for the vendor and will come back.", "language", "en")).id();
    Api.Reply workflow = api.put(t.path("/rules/workflow"), t.adminToken(),
        Map.of("reopenWindow", "P7D", "vendorReplyId", vendorReply));
    assertEquals(200, workflow.status(), workflow::toString);
    long thirdParty = api.post(t.path("/categories"), t.adminToken(),
        Map.of("name", "CRM problem", "scope", "THIRD_PARTY")).id();

    long conversation = t.newConversation(api, "vendor-customer");
    Api.Reply categorised = api.put(t.path("/conversations/" + conversation + "/category"), t.agentToken(),
        Map.of("categoryId", thirdParty));
    assertEquals(200, categorised.status(), categorised::toString);
    assertEquals("WAITING_ON_VENDOR", categorised.json().get("status").asText());
    JsonNode resolution = timer(api.get(t.path("/conversations/" + conversation + "/sla"), t.agentToken()).json(),
        "RESOLUTION");
    assertEquals("PAUSED", resolution.get("state").asText());
    assertNull(resolution.get("dueAt").textValue(), "a paused timer has no due time until it resumes");
    JsonNode history = api.get(t.path("/conversations/" + conversation + "/sla"), t.agentToken()).json()
        .get("statusHistory");
    assertEquals("WAITING_ON_VENDOR", history.get(history.size() - 1).get("status").asText());

    JsonNode messages = api.get(t.path("/conversations/" + conversation + "/messages"), t.agentToken()).json();
    JsonNode last = messages.get("items").get(messages.get("items").size() - 1);
    assertEquals("Customer vendor-customer, we are waiting for the vendor and will come back.",
        last.get("text").asText());
    assertEquals("PUBLIC", last.get("visibility").asText());
    assertEquals("SYSTEM", last.get("authorType").asText());
  }

  static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
