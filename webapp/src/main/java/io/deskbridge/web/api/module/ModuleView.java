package io.deskbridge.web.api.module;

import io.deskbridge.core.plugin.ModuleConfigs;
import io.deskbridge.core.plugin.ModuleState;
import io.deskbridge.core.plugin.spi.ConfigProperty;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A module in a tenant's catalogue. Secrets appear in {@code config} only as the mask when set, and
 * in {@code secrets} as set / not set: their values never leave the server.
 */
public record ModuleView(String id, String name, String description, String version, boolean enabled,
    List<FieldView> configSchema, Map<String, Object> config, Map<String, String> secrets) {

  public record FieldView(String key, String label, String type, boolean required, boolean secret,
      String defaultValue, String help, List<String> options, boolean emptyAllowed) {

    static FieldView of(ConfigProperty p) {
      return new FieldView(p.key(), p.label(), p.type().name(), p.required(), p.isSecret(), p.defaultValue(),
          p.help(), p.options(), p.emptyAllowed());
    }
  }

  static ModuleView of(ModuleState state) {
    Map<String, Object> config = new LinkedHashMap<>(state.config());
    Map<String, String> secrets = new LinkedHashMap<>();
    for (ConfigProperty p : state.factory().configSpec()) {
      if (p.isSecret()) {
        boolean set = state.secretsSet().contains(p.key());
        secrets.put(p.key(), set ? "set" : "not set");
        if (set) {
          config.put(p.key(), ModuleConfigs.MASK);
        }
      }
    }
    return new ModuleView(state.factory().id(), state.factory().displayName(), state.factory().description(),
        state.factory().version(), state.enabled(),
        state.factory().configSpec().stream().map(FieldView::of).toList(), config, secrets);
  }
}
