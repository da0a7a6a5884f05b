package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.conversation.AuthorType;
import io.deskbridge.core.conversation.ConversationStatus;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.event.CategorySet;
import io.deskbridge.core.event.ConversationAssigned;
import io.deskbridge.core.event.ConversationClosed;
import io.deskbridge.core.event.ConversationCreated;
import io.deskbridge.core.event.ConversationReopened;
import io.deskbridge.core.event.ConversationTransferred;
import io.deskbridge.core.event.CustomerUpdated;
import io.deskbridge.core.event.SlaBreached;
import io.deskbridge.core.event.SlaWarned;
import io.deskbridge.core.sla.SlaTarget;
import io.deskbridge.core.event.DomainEvent;
import io.deskbridge.core.event.EventTypes;
import io.deskbridge.core.event.MessageAdded;
import io.deskbridge.core.event.StatusChanged;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Domain events stored in outbox rows come back as equal records, whatever their type. */
class EventCodecTest {

  private static final Instant AT = Instant.parse("2025-03-01T10:15:30.123456Z");

  /** At least one event of every type, with every nullable field both set and null. */
  static List<DomainEvent> samples() {
    return List.of(
        new ConversationCreated(1, 81, 7, "telegram", AT),
        new ConversationCreated(1, 81, 7, null, AT),
        new MessageAdded(1, 81, 900, Visibility.PUBLIC, AuthorType.CUSTOMER, null,
            "Hello, \"support\"\nmy printer is on fire 🔥 \\ </script>", AT),
        new MessageAdded(1, 81, 901, Visibility.INTERNAL, AuthorType.AGENT, 42L, null, AT),
        new ConversationAssigned(1, 81, 42L, AT),
        new ConversationAssigned(1, 81, null, AT),
        new CategorySet(1, 81, 3, AT),
        new StatusChanged(1, 81, ConversationStatus.OPEN, ConversationStatus.WAITING_ON_VENDOR, AT),
        new ConversationClosed(1, 81, 3L, AT),
        new ConversationClosed(1, 81, null, Instant.parse("2025-03-01T10:15:30.123456789Z")),
        new ConversationReopened(1, Long.MAX_VALUE, AT),
        new ConversationTransferred(1, 81, 12, AT),
        new CustomerUpdated(1, 7, Instant.parse("1969-12-31T23:59:59.000001Z")),
        new SlaWarned(1, 7, SlaTarget.FIRST_REPLY, Instant.parse("2026-11-27T09:00:00Z"),
            Instant.parse("2026-11-27T09:01:00Z"), "Default", Instant.parse("2026-11-27T09:00:48Z")),
        new SlaBreached(1, 7, SlaTarget.RESOLUTION, Instant.parse("2026-11-27T09:00:00.000001Z"),
            null, "VIP – наш клиент", Instant.parse("2026-11-27T11:00:00Z")));
  }

  @ParameterizedTest
  @MethodSource("samples")
  void anEventComesBackEqualFromItsPayload(DomainEvent event) {
    String payload = EventCodec.encode(event);

    assertEquals(event, EventCodec.decode(event.type(), payload), payload);
  }

  @Test
  void everyEventTypeHasASample() {
    assertEquals(new TreeSet<>(EventTypes.names()),
        samples().stream().map(DomainEvent::type).collect(Collectors.toCollection(TreeSet::new)));
  }

  @Test
  void everyKindOfEventIsRegisteredUnderItsType() {
    Set<Class<?>> permitted = Set.of(DomainEvent.class.getPermittedSubclasses());
    Set<Class<?>> registered = EventTypes.names().stream()
        .map(name -> EventTypes.classOf(name).orElseThrow())
        .collect(Collectors.toSet());

    assertEquals(permitted, registered);
    samples().forEach(e -> assertEquals(Optional.of(e.getClass()), EventTypes.classOf(e.type()), e.type()));
  }

  @Test
  void idsAreStoredAsNumbersAndInstantsAsIsoText() {
    String payload = EventCodec.encode(new ConversationAssigned(1, 81, 42L, AT));

    assertTrue(payload.contains("\"conversationId\":81"), payload);
    assertTrue(payload.contains("\"agentId\":42"), payload);
    assertTrue(payload.contains("\"occurredAt\":\"2025-03-01T10:15:30.123456Z\""), payload);
  }

  @Test
  void anUnknownTypeIsRejected() {
    String payload = EventCodec.encode(new CustomerUpdated(1, 7, AT));

    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> EventCodec.decode("customer.deleted", payload));
    assertTrue(e.getMessage().contains("customer.deleted"), e.getMessage());
  }

  @Test
  void everyEnumValueSurvivesTheRoundTrip() {
    for (ConversationStatus status : ConversationStatus.values()) {
      StatusChanged event = new StatusChanged(1, 81, status, status, AT);
      assertEquals(event, EventCodec.decode(StatusChanged.TYPE, EventCodec.encode(event)));
    }
    for (Visibility visibility : Visibility.values()) {
      for (AuthorType author : AuthorType.values()) {
        MessageAdded event = new MessageAdded(1, 81, 1, visibility, author, null, "x", AT);
        assertEquals(event, EventCodec.decode(MessageAdded.TYPE, EventCodec.encode(event)));
      }
    }
  }
}
