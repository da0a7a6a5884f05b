package io.deskbridge.core.plugin.spi;

import java.util.List;

/** A button a module adds to a conversation ("Create Jira task"), with the fields it asks for. */
public record AgentAction(String id, String label, List<ConfigProperty> fields) {

  public AgentAction {
    fields = fields == null ? List.of() : List.copyOf(fields);
  }
}
