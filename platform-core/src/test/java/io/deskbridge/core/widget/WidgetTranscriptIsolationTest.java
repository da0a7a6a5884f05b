package io.deskbridge.core.widget;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.deskbridge.core.conversation.MessageRepository;
import io.deskbridge.core.conversation.PublicMessage;
import io.deskbridge.core.shared.KeysetCursor;
import io.deskbridge.core.tenant.TenantId;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Handbook 002 for the widget: what a site visitor reads is typed to public messages all the way. */
class WidgetTranscriptIsolationTest {

  private static void assertListOfPublicMessages(Type type) {
    ParameterizedType list = assertInstanceOf(ParameterizedType.class, type);
    assertEquals(List.class, list.getRawType());
    assertEquals(PublicMessage.class, list.getActualTypeArguments()[0]);
  }

  @Test
  void theRepositoryQueryReturnsPublicMessagesOnly() throws NoSuchMethodException {
    assertListOfPublicMessages(MessageRepository.class.getMethod("customerTranscript", TenantId.class, long.class,
        KeysetCursor.class, int.class).getGenericReturnType());
  }

  @Test
  void theVisitorsTranscriptHoldsPublicMessagesOnly() {
    assertListOfPublicMessages(WidgetChat.Transcript.class.getRecordComponents()[0].getGenericType());
  }
}
