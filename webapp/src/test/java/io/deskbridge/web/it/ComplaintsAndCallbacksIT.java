package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Handbook 004's complaint checklist and share report, and handbook 001's callback request. */
@ExtendWith(DeskbridgeServer.class)
class ComplaintsAndCallbacksIT {

  static Api api;
  static TestTenant tenant;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "complaints");
  }

  private String conversation(long id, String rest) {
    return tenant.path("/conversations/" + id + rest);
  }

  @Test
  void aComplaintIsWorkedThroughItsFiveStepsInOrder() {
    long id = tenant.newConversation(api, "angry");
    JsonNode marked = api.post(conversation(id, "/complaint"), tenant.agentToken(), "").json();
    assertTrue(marked.get("complaint").asBoolean());
    assertEquals(0, marked.get("complaintProgress").get("steps").size());

    assertProblem(api.post(conversation(id, "/complaint/steps"), tenant.agentToken(), Map.of("step", "APOLOGISED")),
        422, "complaint-step-out-of-order");
    JsonNode last = null;
    for (String step : List.of("THANKED", "EXPLAINED", "APOLOGISED", "ACTING", "ANSWERED")) {
      last = api.post(conversation(id, "/complaint/steps"), tenant.agentToken(), Map.of("step", step)).json();
    }
    assertEquals(List.of("THANKED", "EXPLAINED", "APOLOGISED", "ACTING", "ANSWERED"),
        List.of(last.get("complaintProgress").get("steps").get(0).asText(),
            last.get("complaintProgress").get("steps").get(1).asText(),
            last.get("complaintProgress").get("steps").get(2).asText(),
            last.get("complaintProgress").get("steps").get(3).asText(),
            last.get("complaintProgress").get("steps").get(4).asText()));
    assertTrue(last.get("complaintProgress").get("answered").asBoolean());
    assertFieldErrors(api.post(conversation(id, "/complaint/steps"), tenant.agentToken(), Map.of("step", "SHOUTED")),
        "step");
  }

  @Test
  void stepsNeedAConversationMarkedAsAComplaint() {
    long id = tenant.newConversation(api, "calm");
    assertProblem(api.post(conversation(id, "/complaint/steps"), tenant.agentToken(), Map.of("step", "THANKED")),
        422, "not-a-complaint");
  }

  @Test
  void theReportGivesComplaintsAsAShareOfThisWeeksConversations() {
    TestTenant fresh = TestTenant.create(api, "share");
    long[] ids = new long[4];
    for (int i = 0; i < ids.length; i++) {
      ids[i] = fresh.newConversation(api, "share-" + i);
    }
    api.post(fresh.path("/conversations/" + ids[0] + "/complaint"), fresh.agentToken(), "");
    JsonNode weeks = api.get(fresh.path("/reports/complaints?weeks=3"), fresh.agentToken()).json().get("items");
    assertEquals(3, weeks.size());
    JsonNode thisWeek = weeks.get(2);
    LocalDate monday = LocalDate.now(ZoneId.of("Europe/Moscow")).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    assertEquals(monday.toString(), thisWeek.get("weekStart").asText());
    assertEquals(4, thisWeek.get("conversations").asLong());
    assertEquals(1, thisWeek.get("complaints").asLong());
    assertEquals(0.25, thisWeek.get("share").asDouble(), 1e-9);
    assertEquals(0, weeks.get(0).get("conversations").asLong());
    assertFieldErrors(api.get(fresh.path("/reports/complaints?weeks=53"), fresh.agentToken()), "weeks");
  }

  @Test
  void aCallbackRequestIsShownUntilTheCallIsMade() {
    long id = tenant.newConversation(api, "caller");
    JsonNode requested = api.put(conversation(id, "/callback"), tenant.agentToken(),
        Map.of("phone", "+7 999 123-45-67", "preferredAt", "2026-12-01T10:00:00Z")).json();
    assertEquals("+7 999 123-45-67", requested.get("callback").get("phone").asText());
    assertEquals("2026-12-01T10:00:00Z", requested.get("callback").get("preferredAt").asText());
    assertEquals("+7 999 123-45-67", api.get(conversation(id, ""), tenant.agentToken()).json()
        .get("callback").get("phone").asText());
    assertTrue(api.delete(conversation(id, "/callback"), tenant.agentToken()).json().get("callback").isNull());
    assertFieldErrors(api.put(conversation(id, "/callback"), tenant.agentToken(), Map.of("phone", "call me")),
        "phone", "preferredAt");
  }
}
