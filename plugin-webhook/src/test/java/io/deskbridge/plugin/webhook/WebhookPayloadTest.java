package io.deskbridge.plugin.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.deskbridge.core.event.DomainEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {

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
  void messagePayloadCarriesEveryFieldOfTheEventAndTheDialogLink() {
    TestTenant.sendingTo(receiver.url()).plugin().deliver(Events.job(Events.customerMessage()));

    JsonObject payload = parse(receiver.onlyRequest().body());
    assertEquals(Set.of("id", "event", "tenant", "occurredAt", "data", "links"), payload.keySet());
    assertEquals(Events.job(Events.customerMessage()).idempotencyKey(), payload.getString("id"));
    assertEquals("message.created", payload.getString("event"));
    assertEquals("acme", payload.getString("tenant"));
    assertEquals("2025-03-14T09:26:40Z", payload.getString("occurredAt"));
    JsonObject data = payload.getJsonObject("data");
    assertEquals(Json.createObjectBuilder()
        .add("tenantId", 7)
        .add("conversationId", 81)
        .add("messageId", 501)
        .add("visibility", "PUBLIC")
        .add("authorType", "CUSTOMER")
        .addNull("authorAgentId")
        .add("text", "Where is my order?")
        .add("occurredAt", "2025-03-14T09:26:40Z")
        .addNull("origin")
        .addNull("authorName")
        .build(), data);
    assertEquals("https://desk.example.test/conversations/81?tenant=acme",
        payload.getJsonObject("links").getString("conversation"));
  }

  @Test
  void absentValuesAreJsonNull() {
    JsonObject payload = parse(payloadFor(Events.backToQueue()));

    assertEquals(JsonValue.NULL, payload.getJsonObject("data").get("agentId"));
  }

  @Test
  void customerEventsHaveNoConversationLink() {
    JsonObject payload = parse(payloadFor(Events.customerUpdated()));

    assertEquals("customer.updated", payload.getString("event"));
    assertEquals(33, payload.getJsonObject("data").getJsonNumber("customerId").longValueExact());
    assertFalse(payload.containsKey("links"));
  }

  @Test
  void everyEventTypeTurnsIntoDataWithAllItsFields() throws Exception {
    for (Class<?> type : DomainEvent.class.getPermittedSubclasses()) {
      DomainEvent event = sample(type.asSubclass(DomainEvent.class));

      JsonObject payload = parse(payloadFor(event));

      assertEquals(event.type(), payload.getString("event"));
      Set<String> fields = Arrays.stream(event.getClass().getRecordComponents())
          .map(RecordComponent::getName).collect(Collectors.toSet());
      assertEquals(fields, payload.getJsonObject("data").keySet(), event.type());
    }
  }

  @Test
  void pingIsAnEnvelopeWithEmptyData() {
    JsonObject ping = parse(new WebhookPayload(TestTenant.sendingTo(receiver.url()).context()).ping("ping:1"));

    assertEquals("ping", ping.getString("event"));
    assertEquals("acme", ping.getString("tenant"));
    assertEquals(TestTenant.NOW.toString(), ping.getString("occurredAt"));
    assertEquals(JsonValue.EMPTY_JSON_OBJECT, ping.getJsonObject("data"));
  }

  private static byte[] payloadFor(DomainEvent event) {
    return new WebhookPayload(TestTenant.sendingTo(URI.create("http://127.0.0.1:9/")).context()).of("job-1", event);
  }

  /** An instance of any event record, with a plain value for each component type. */
  private static DomainEvent sample(Class<? extends DomainEvent> type) throws Exception {
    RecordComponent[] components = type.getRecordComponents();
    Object[] values = new Object[components.length];
    for (int i = 0; i < components.length; i++) {
      Class<?> t = components[i].getType();
      values[i] = t == long.class || t == Long.class ? (Object) 5L
          : t == String.class ? "text"
          : t == Instant.class ? Events.AT
          : t.isEnum() ? t.getEnumConstants()[0]
          : null;
      assertNotNull(values[i], type.getSimpleName() + "." + components[i].getName() + " has a type this test"
          + " (and probably EventData) does not know: " + t);
    }
    Constructor<? extends DomainEvent> constructor = type.getDeclaredConstructor(
        Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
    return constructor.newInstance(values);
  }

  static JsonObject parse(byte[] body) {
    try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
      return reader.readObject();
    }
  }
}
