package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class InboxPaginationIT {

  static final int CONVERSATIONS = 250;
  static Api api;
  static TestTenant tenant;
  static List<Long> created = new ArrayList<>();

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "inbox");
    for (int i = 0; i < CONVERSATIONS; i++) {
      created.add(tenant.newConversation(api, "p" + i));
    }
  }

  private List<JsonNode> readAll(String query, int limit) {
    List<JsonNode> all = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      String url = tenant.path("/conversations?limit=" + limit + query
          + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
      Api.Reply page = api.get(url, tenant.agentToken());
      assertEquals(200, page.status(), page::toString);
      page.json().get("items").forEach(all::add);
      cursor = page.json().get("next").isNull() ? null : page.json().get("next").asText();
      assertTrue(++pages <= CONVERSATIONS, "pagination must end");
    } while (cursor != null);
    return all;
  }

  @Test
  void keysetPagesVisitEveryConversationOnceNewestFirst() {
    List<JsonNode> all = readAll("", 100);
    assertEquals(CONVERSATIONS, all.size());
    Set<Long> ids = new HashSet<>();
    all.forEach(c -> ids.add(c.get("id").asLong()));
    assertEquals(new HashSet<>(created), ids);
    for (int i = 1; i < all.size(); i++) {
      String previous = all.get(i - 1).get("updatedAt").asText();
      String current = all.get(i).get("updatedAt").asText();
      assertTrue(java.time.Instant.parse(previous).compareTo(java.time.Instant.parse(current)) >= 0,
          "ordered newest first at " + i);
    }
  }

  @Test
  void pagesOfSevenAgreeWithPagesOfAHundred() {
    List<Long> small = readAll("", 7).stream().map(c -> c.get("id").asLong()).toList();
    List<Long> large = readAll("", 100).stream().map(c -> c.get("id").asLong()).toList();
    assertEquals(large, small);
  }

  @Test
  void queuePagesAcrossStatusesAgreeWithTheWholeQueue() {
    List<Long> whole = readAll("&sort=queue", 100).stream().map(c -> c.get("id").asLong()).toList();
    List<Long> active = readAll("&sort=queue&status=OPEN,ON_HOLD", 7).stream()
        .map(c -> c.get("id").asLong()).toList();
    assertEquals(CONVERSATIONS, whole.size());
    assertEquals(whole, active);
  }

  @Test
  void listedRowsShowTheirOwnLinks() {
    long from = created.get(20);
    long to = created.get(21);
    Api.Reply linked = api.post(tenant.path("/conversations/" + from + "/links"), tenant.agentToken(),
        Map.of("conversationId", to, "kind", "TRANSFERRED_TO"));
    assertEquals(200, linked.status(), linked::toString);
    for (String query : List.of("", "&sort=queue")) {
      for (JsonNode row : readAll(query, 100)) {
        long id = row.get("id").asLong();
        JsonNode links = row.get("links");
        if (id == from || id == to) {
          assertEquals(1, links.size(), row::toString);
          assertEquals(id == from ? to : from, links.get(0).get("conversationId").asLong());
          assertEquals(id == from ? "TRANSFERRED_TO" : "TRANSFERRED_FROM", links.get(0).get("kind").asText());
        } else {
          assertEquals(0, links.size(), row::toString);
        }
      }
    }
  }

  @Test
  void filtersByAssigneeStatusCustomerTagDepartmentAndCategory() {
    long mine = created.get(10);
    long onHold = created.get(11);
    long inDepartment = created.get(12);
    long categorized = created.get(13);
    api.post(tenant.path("/conversations/" + mine + "/assign"), tenant.agentToken(), Map.of("agentId", "me"));
    api.put(tenant.path("/conversations/" + onHold + "/status"), tenant.agentToken(), Map.of("status", "ON_HOLD"));
    api.put(tenant.path("/conversations/" + inDepartment + "/department"), tenant.agentToken(),
        Map.of("departmentId", tenant.departmentId()));
    api.put(tenant.path("/conversations/" + categorized + "/category"), tenant.agentToken(),
        Map.of("categoryId", tenant.categoryId()));
    long customer = api.get(tenant.path("/conversations/" + created.get(14)), tenant.agentToken()).json()
        .get("customerId").asLong();
    api.post(tenant.path("/customers/" + customer + "/tags"), tenant.agentToken(), Map.of("tags", List.of("VIP")));

    assertEquals(List.of(mine), ids("&assignee=me"));
    assertEquals(List.of(mine), ids("&assignee=" + tenant.agentId()));
    assertEquals(CONVERSATIONS - 1, ids("&assignee=none").size());
    assertEquals(List.of(onHold), ids("&status=ON_HOLD"));
    assertEquals(CONVERSATIONS - 1, ids("&status=OPEN").size());
    assertEquals(CONVERSATIONS, ids("&status=OPEN,ON_HOLD").size());
    assertEquals(List.of(mine), ids("&status=OPEN&assignee=me"));
    assertEquals(List.of(inDepartment), ids("&department=" + tenant.departmentId()));
    assertEquals(List.of(categorized), ids("&category=" + tenant.categoryId()));
    assertEquals(List.of(created.get(14)), ids("&customer=" + customer));
    assertEquals(List.of(created.get(14)), ids("&tag=vip"));
  }

  @Test
  void searchFindsConversationsByTheCustomersNameEmailOrPhoneAcrossPages() {
    Set<Long> p12 = new HashSet<>(List.of(created.get(12)));
    for (int i = 120; i < 130; i++) {
      p12.add(created.get(i));
    }
    List<Long> byName = readAll("&q=p12", 3).stream().map(c -> c.get("id").asLong()).toList();
    assertEquals(p12, new HashSet<>(byName), "Customer p12 and p120..p129, each once");
    assertEquals(p12.size(), byName.size());
    assertEquals(ids("&q=p12"), byName, "pages of three agree with one page");
    assertEquals(List.of(created.get(12)), ids("&q=" + enc(" P12@Customer.TEST ")));
    assertEquals(11, ids("&q=" + enc("customer P3")).size(), "the name: p3 and p30..p39");
    assertEquals(CONVERSATIONS, ids("&q=" + enc("+7999000")).size(), "every customer has this phone");
    assertEquals(List.of(), ids("&q=nobody-like-this"));
    assertEquals(List.of(), ids("&q=" + enc("p1%")), "% is a character, not a wildcard");
    long customer = api.get(tenant.path("/conversations/" + created.get(125)), tenant.agentToken()).json()
        .get("customerId").asLong();
    assertEquals(List.of(created.get(125)), ids("&q=p12&customer=" + customer), "combines with the other filters");
  }

  @Test
  void badFiltersAndCursorsAreClientErrors() {
    assertFieldErrors(api.get(tenant.path("/conversations?q=" + "x".repeat(101)), tenant.agentToken()), "q");
    assertFieldErrors(api.get(tenant.path("/conversations?status=LOST"), tenant.agentToken()), "status");
    assertFieldErrors(api.get(tenant.path("/conversations?assignee=someone"), tenant.agentToken()), "assignee");
    assertFieldErrors(api.get(tenant.path("/conversations?limit=101"), tenant.agentToken()), "limit");
    assertFieldErrors(api.get(tenant.path("/conversations?limit=0"), tenant.agentToken()), "limit");
    assertFieldErrors(api.get(tenant.path("/conversations?cursor=not-a-cursor"), tenant.agentToken()), "cursor");
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private List<Long> ids(String query) {
    return readAll(query, 100).stream().map(c -> c.get("id").asLong()).toList();
  }
}
