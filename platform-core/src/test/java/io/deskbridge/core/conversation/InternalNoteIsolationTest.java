package io.deskbridge.core.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.deskbridge.core.TestEntities;
import io.deskbridge.core.channel.CustomerChannel;
import io.deskbridge.core.shared.Page;
import io.deskbridge.core.tenant.TenantId;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Handbook 002: a staff-only note must never be able to reach the customer. */
class InternalNoteIsolationTest {

  private static final Instant T0 = Instant.parse("2025-01-10T09:00:00Z");
  private static final long AGENT_ID = 9;

  private static Conversation conversation() {
    return TestEntities.conversation(42, T0);
  }

  @Test
  void internalNoteIsNotAPublicMessage() {
    assertFalse(PublicMessage.class.isAssignableFrom(InternalNote.class));
    assertFalse(InternalNote.class.isAssignableFrom(PublicMessage.class));
  }

  @Test
  void timelineEntryIsExactlyAPublicMessageOrAnInternalNote() {
    assertTrue(Message.class.isSealed());
    assertEquals(Set.of(PublicMessage.class, InternalNote.class),
        Set.of(Message.class.getPermittedSubclasses()));
  }

  @Test
  void customerChannelCannotBeHandedAnInternalNote() {
    Method[] methods = CustomerChannel.class.getMethods();
    assertTrue(methods.length > 0);
    for (Method method : methods) {
      for (Class<?> parameter : method.getParameterTypes()) {
        assertFalse(parameter.isAssignableFrom(InternalNote.class),
            method + " accepts " + parameter.getName() + ", which an internal note is");
      }
      assertFalse(method.getReturnType().isAssignableFrom(InternalNote.class),
          method + " returns " + method.getReturnType().getName() + ", which an internal note is");
    }
  }

  @Test
  void customerChannelSendsPublicMessages() throws NoSuchMethodException {
    Method send = Arrays.stream(CustomerChannel.class.getMethods())
        .filter(m -> m.getName().equals("send"))
        .findFirst()
        .orElseThrow(NoSuchMethodException::new);

    assertTrue(Arrays.asList(send.getParameterTypes()).contains(PublicMessage.class));
  }

  @Test
  void customerTranscriptIsTypedToPublicMessages() throws NoSuchMethodException {
    Method transcript = MessageRepository.class.getMethod(
        "transcript", TenantId.class, long.class, String.class, int.class);

    ParameterizedType returnType = assertInstanceOf(ParameterizedType.class, transcript.getGenericReturnType());
    assertEquals(Page.class, returnType.getRawType());
    Type[] arguments = returnType.getActualTypeArguments();
    assertEquals(1, arguments.length);
    assertEquals(PublicMessage.class, arguments[0]);
  }

  @Test
  void addingAnInternalNoteNeverReturnsSomethingSendable() {
    Method[] addNote = Arrays.stream(TimelineService.class.getMethods())
        .filter(m -> m.getName().equals("addInternalNote"))
        .toArray(Method[]::new);

    assertEquals(1, addNote.length);
    assertEquals(InternalNote.class, addNote[0].getReturnType());
  }

  @Test
  void noteIsInternalAndMessagesArePublic() {
    Conversation conversation = conversation();

    assertEquals(Visibility.INTERNAL, InternalNote.byAgent(conversation, AGENT_ID, "VIP, be nice", T0).visibility());
    assertEquals(Visibility.INTERNAL, InternalNote.bySystem(conversation, "Jira: fixed", T0).visibility());
    assertEquals(Visibility.PUBLIC, PublicMessage.fromCustomer(conversation, "Hi", "tg-1", T0).visibility());
    assertEquals(Visibility.PUBLIC, PublicMessage.agentReply(conversation, AGENT_ID, "Hello", T0).visibility());
    assertEquals(Visibility.PUBLIC, PublicMessage.systemNotice(conversation, "Passed on", T0).visibility());
  }

  @Test
  void internalNoteHasNoChannelMessageId() {
    assertTrue(Arrays.stream(InternalNote.class.getMethods()).noneMatch(m -> m.getName().equals("externalId")));
    assertTrue(Arrays.stream(PublicMessage.class.getMethods()).anyMatch(m -> m.getName().equals("externalId")));
  }
}
