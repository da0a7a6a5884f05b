package io.deskbridge.web.it;

import static io.deskbridge.web.it.Problems.assertFieldErrors;
import static io.deskbridge.web.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(DeskbridgeServer.class)
class InboundChannelIT {

  static Api api;
  static TestTenant tenant;
  static String inboundKey;

  @BeforeAll
  static void setUp(Api server) {
    api = server;
    tenant = TestTenant.create(api, "inbound");
    Api.Reply key = api.post(tenant.path("/api-keys"), tenant.adminToken(),
        Map.of("name", "Site widget", "scope", "INBOUND"));
    assertEquals(201, key.status(), key::toString);
    inboundKey = key.json().get("key").asText();
  }

  @Test
  void firstMessageCreatesCustomerAndConversation() {
    Api.Reply receipt = tenant.inbound(api, inboundKey, "first-1", "cust-first", "My widget is broken");
    assertEquals(201, receipt.status(), receipt::toString);
    JsonNode ids = receipt.json();

    JsonNode card = api.get(tenant.path("/customers/" + ids.get("customerId").asLong()), tenant.agentToken()).json();
    assertEquals("cust-first@customer.test", card.get("email").asText());
    assertEquals("api", card.get("identities").get(0).get("channel").asText());
    assertEquals("cust-first", card.get("identities").get(0).get("externalId").asText());

    JsonNode conversation = api.get(tenant.path("/conversations/" + ids.get("conversationId").asLong()),
        tenant.agentToken()).json();
    assertEquals("OPEN", conversation.get("status").asText());
    assertEquals(ids.get("customerId").asLong(), conversation.get("customerId").asLong());
    JsonNode messages = api.get(tenant.path("/conversations/" + ids.get("conversationId").asLong() + "/messages"),
        tenant.agentToken()).json().get("items");
    assertEquals(1, messages.size());
    assertEquals("My widget is broken", messages.get(0).get("text").asText());
    assertEquals("CUSTOMER", messages.get(0).get("authorType").asText());
    assertEquals("PUBLIC", messages.get(0).get("visibility").asText());
  }

  @Test
  void redeliveryAnswers200WithTheSameIdsAndStoresNothingTwice() {
    Api.Reply first = tenant.inbound(api, inboundKey, "redeliver-1", "cust-redeliver", "Hello?");
    Api.Reply again = tenant.inbound(api, inboundKey, "redeliver-1", "cust-redeliver", "Hello?");
    assertEquals(201, first.status());
    assertEquals(200, again.status(), again::toString);
    assertEquals(first.json(), again.json());
    long conversation = first.json().get("conversationId").asLong();
    assertEquals(1, api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items").size());
  }

  @Test
  void aRedeliveryAfterTheConversationWasClosedAnswersTheOriginalAndReopensNothing() {
    Api.Reply first = tenant.inbound(api, inboundKey, "late-1", "cust-late", "Where is my parcel?");
    assertEquals(201, first.status(), first::toString);
    long conversation = first.json().get("conversationId").asLong();
    api.put(tenant.path("/conversations/" + conversation + "/category"), tenant.agentToken(),
        Map.of("categoryId", tenant.categoryId()));
    assertEquals(200, api.post(tenant.path("/conversations/" + conversation + "/close"), tenant.agentToken(), "")
        .status());

    // The gateway never saw our answer and sends the same message again, after an agent closed it.
    Api.Reply again = tenant.inbound(api, inboundKey, "late-1", "cust-late", "Where is my parcel?");
    assertEquals(200, again.status(), again::toString);
    assertEquals(first.json(), again.json());
    assertEquals("CLOSED", api.get(tenant.path("/conversations/" + conversation), tenant.agentToken()).json()
        .get("status").asText());
    assertEquals(1, api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items").size());
    // A new message of the same customer still reopens the dialog: the failed attempt left nothing behind.
    Api.Reply next = tenant.inbound(api, inboundKey, "late-2", "cust-late", "Hello again");
    assertEquals(201, next.status(), next::toString);
    assertEquals(conversation, next.json().get("conversationId").asLong());
  }

  @Test
  void concurrentRedeliveriesStoreTheMessageOnce() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        replies.add(pool.submit(() -> tenant.inbound(api, inboundKey, "race-1", "cust-race", "Anyone there?")));
      }
      Set<JsonNode> receipts = new HashSet<>();
      int created = 0;
      for (Future<Api.Reply> reply : replies) {
        Api.Reply r = reply.get();
        assertTrue(r.status() == 201 || r.status() == 200, r::toString);
        created += r.status() == 201 ? 1 : 0;
        receipts.add(r.json());
      }
      assertEquals(1, created, "exactly one delivery creates the message");
      assertEquals(1, receipts.size(), "every delivery names the same ids");
      long conversation = receipts.iterator().next().get("conversationId").asLong();
      assertEquals(1, api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
          .json().get("items").size());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void followUpMessagesJoinTheOpenConversationAndAClosedOneIsReopenedWithinTheWindow() {
    long conversation = tenant.inbound(api, inboundKey, "follow-1", "cust-follow", "One").json()
        .get("conversationId").asLong();
    assertEquals(conversation, tenant.inbound(api, inboundKey, "follow-2", "cust-follow", "Two").json()
        .get("conversationId").asLong());
    api.put(tenant.path("/conversations/" + conversation + "/category"), tenant.agentToken(),
        Map.of("categoryId", tenant.categoryId()));
    assertEquals(200, api.post(tenant.path("/conversations/" + conversation + "/close"), tenant.agentToken(), "")
        .status());
    long next = tenant.inbound(api, inboundKey, "follow-3", "cust-follow", "Three").json()
        .get("conversationId").asLong();
    assertEquals(conversation, next, "within the tenant's reopen window the dialog continues");
    assertEquals("OPEN", api.get(tenant.path("/conversations/" + conversation), tenant.agentToken()).json()
        .get("status").asText());
  }

  @Test
  void inboundKeyCanOnlyPostMessagesAndReadWhatTheCustomerSees() {
    Api.Reply receipt = tenant.inbound(api, inboundKey, "scope-1", "cust-scope", "Hi");
    long conversation = receipt.json().get("conversationId").asLong();
    assertProblem(api.get(tenant.path("/conversations"), inboundKey), 403, "forbidden");
    assertProblem(api.get(tenant.path("/customers"), inboundKey), 403, "forbidden");
    assertProblem(api.post(tenant.path("/conversations/" + conversation + "/messages"), inboundKey,
        Map.of("text", "x", "visibility", "PUBLIC")), 403, "forbidden");
    assertEquals(200, api.get(tenant.path("/inbound/conversations/" + conversation + "/messages"), inboundKey).status());
  }

  @Test
  void internalNotesNeverAppearInWhatTheCustomerSees() {
    long conversation = tenant.inbound(api, inboundKey, "leak-1", "cust-leak", "Hello").json()
        .get("conversationId").asLong();
    String base = tenant.path("/conversations/" + conversation + "/messages");
    assertEquals(201, api.post(base, tenant.agentToken(),
        Map.of("text", "Customer is rude, be careful", "visibility", "INTERNAL")).status());
    assertEquals(201, api.post(base, tenant.agentToken(), Map.of("text", "Happy to help!", "visibility", "PUBLIC"))
        .status());

    JsonNode staff = api.get(base, tenant.agentToken()).json().get("items");
    assertEquals(3, staff.size());
    JsonNode customer = api.get(tenant.path("/inbound/conversations/" + conversation + "/messages"), inboundKey)
        .json().get("items");
    assertEquals(2, customer.size());
    customer.forEach(m -> assertEquals("PUBLIC", m.get("visibility").asText()));
    assertFalse(customer.toString().contains("rude"));
  }

  @Test
  void attachmentsAreStoredAndDownloadable() {
    byte[] photo = new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3};
    ObjectNode body = Api.object().put("channel", "api").put("externalMessageId", "att-1").put("text", "receipt");
    body.putObject("customer").put("externalId", "cust-att");
    body.putArray("attachments").addObject().put("name", "receipt.png").put("contentType", "image/png")
        .put("data", Base64.getEncoder().encodeToString(photo));
    Api.Reply receipt = api.post(tenant.path("/inbound/messages"), inboundKey, body);
    assertEquals(201, receipt.status(), receipt::toString);
    long conversation = receipt.json().get("conversationId").asLong();
    JsonNode attachment = api.get(tenant.path("/conversations/" + conversation + "/messages"), tenant.agentToken())
        .json().get("items").get(0).get("attachments").get(0);
    assertEquals("receipt.png", attachment.get("name").asText());
    assertEquals(photo.length, attachment.get("size").asInt());
    assertArrayEquals(photo, api.download(tenant.path("/conversations/" + conversation + "/attachments/"
        + attachment.get("id").asLong()), tenant.agentToken()));
  }

  @Test
  void anAttachmentOverTheTenantLimitIsRefusedAndNothingIsStored() {
    TestTenant small = TestTenant.create(api, "smallfiles");
    api.patch("/api/v1/tenants/" + small.slug(), small.adminToken(),
        Map.of("settings", Map.of("attachments.maxBytes", "16")));
    ObjectNode body = Api.object().put("channel", "api").put("externalMessageId", "big-1").put("text", "big");
    body.putObject("customer").put("externalId", "cust-big");
    body.putArray("attachments").addObject().put("name", "big.bin")
        .put("data", Base64.getEncoder().encodeToString(new byte[17]));
    assertFieldErrors(api.post(small.path("/inbound/messages"), small.agentToken(), body), "attachments[0].data");
    assertEquals(0, api.get(small.path("/customers"), small.agentToken()).json().get("items").size(),
        "no customer was created by the refused message");
  }

  @Test
  void invalidInboundMessagesNameTheirFields() {
    assertFieldErrors(api.post(tenant.path("/inbound/messages"), inboundKey, Map.of("text", "")),
        "channel", "externalMessageId", "customer", "text");
    ObjectNode badCustomer = Api.object().put("channel", "Tele Gram").put("externalMessageId", "x").put("text", "t");
    badCustomer.putObject("customer").put("email", "nope").put("language", "de");
    assertFieldErrors(api.post(tenant.path("/inbound/messages"), inboundKey, badCustomer),
        "channel", "customer.externalId", "customer.language");
  }

  @Test
  void revokedKeyIsRefused() {
    Api.Reply key = api.post(tenant.path("/api-keys"), tenant.adminToken(), Map.of("name", "Old bot", "scope", "INBOUND"));
    String secret = key.json().get("key").asText();
    assertEquals(201, tenant.inbound(api, secret, "rev-1", "cust-rev", "hi").status());
    assertEquals(200, api.delete(tenant.path("/api-keys/" + key.id()), tenant.adminToken()).status());
    assertProblem(tenant.inbound(api, secret, "rev-2", "cust-rev", "hi"), 401, "invalid-token");
    JsonNode listed = api.get(tenant.path("/api-keys"), tenant.adminToken()).json().get("items");
    listed.forEach(k -> assertTrue(k.get("key").isNull(), "secrets are never listed"));
  }
}
