package io.deskbridge.core.outbox;

import io.deskbridge.core.plugin.JsonValues;
import io.deskbridge.core.plugin.spi.ActionRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/** Stores an agent's action request in an outbox row. */
final class ActionCodec {

  private ActionCodec() {}

  static String encode(ActionRequest action) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("actionId", action.actionId());
    values.put("conversationId", action.conversationId());
    values.put("agentId", action.agentId());
    action.input().forEach((k, v) -> values.put("input." + k, v));
    return JsonValues.write(values);
  }

  static ActionRequest decode(String payload) {
    Map<String, Object> values = JsonValues.read(payload);
    Map<String, String> input = new LinkedHashMap<>();
    values.forEach((k, v) -> {
      if (k.startsWith("input.")) {
        input.put(k.substring("input.".length()), v == null ? null : v.toString());
      }
    });
    Object agent = values.get("agentId");
    return new ActionRequest((String) values.get("actionId"), (Long) values.get("conversationId"),
        agent == null ? null : (Long) agent, input);
  }
}
