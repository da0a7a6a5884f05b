package io.deskbridge.core.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.deskbridge.core.plugin.spi.ActionRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An agent's action stored in an outbox row comes back as the same request. */
class ActionCodecTest {

  @Test
  void anActionWithInputAndNoAgentComesBackEqual() {
    Map<String, String> input = new LinkedHashMap<>();
    input.put("summary", "Printer \"on fire\"\nsecond line ✓");
    input.put("priority", "2");
    input.put("assignee", "true");
    input.put("labels.extra", "");
    ActionRequest action = new ActionRequest("create-task", 81, null, input);

    ActionRequest decoded = ActionCodec.decode(ActionCodec.encode(action));

    assertEquals(action, decoded);
    assertNull(decoded.agentId());
    assertEquals("2", decoded.input().get("priority"));
  }

  @Test
  void anActionByAnAgentWithoutInputComesBackEqual() {
    ActionRequest action = new ActionRequest("sync-now", Long.MAX_VALUE, 42L, null);

    ActionRequest decoded = ActionCodec.decode(ActionCodec.encode(action));

    assertEquals(action, decoded);
    assertEquals(42L, decoded.agentId());
    assertEquals(Map.of(), decoded.input());
  }

  @Test
  void inputNamedLikeTheRequestFieldsDoesNotOverwriteThem() {
    ActionRequest action = new ActionRequest("create-task", 81, 42L,
        Map.of("actionId", "delete-all", "conversationId", "1", "agentId", "7"));

    assertEquals(action, ActionCodec.decode(ActionCodec.encode(action)));
  }
}
