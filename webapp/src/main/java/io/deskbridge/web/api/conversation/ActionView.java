package io.deskbridge.web.api.conversation;

import io.deskbridge.core.plugin.ModuleCapabilities;
import java.util.List;

/** A module's button on a conversation and the fields it asks for. */
public record ActionView(String module, String id, String label, List<Field> fields) {

  public record Field(String key, String label, String type, boolean required, String help) {}

  static ActionView of(ModuleCapabilities.OfferedAction offered) {
    return new ActionView(offered.moduleId(), offered.action().id(), offered.action().label(),
        offered.action().fields().stream()
            .map(f -> new Field(f.key(), f.label(), f.type().name(), f.required(), f.help())).toList());
  }
}
