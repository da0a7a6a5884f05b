package io.deskbridge.core.plugin.spi;

import java.util.Map;

/** An agent pressed one of the module's actions on a conversation, with the fields they filled in. */
public record ActionRequest(String actionId, long conversationId, Long agentId, Map<String, String> input) {

  public ActionRequest {
    input = input == null ? Map.of() : Map.copyOf(input);
  }
}
