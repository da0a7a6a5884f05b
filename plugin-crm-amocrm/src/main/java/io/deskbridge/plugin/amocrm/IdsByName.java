package io.deskbridge.plugin.amocrm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A configured list of {@code name=id} pairs, as an admin types them into a list field
 * ({@code Billing=142, Bug=31415926}; {@code ivan@acme.test=504141}). Names are matched without
 * regard to case, since admins type category names and emails as they remember them.
 */
record IdsByName(Map<String, Long> ids) {

  IdsByName {
    ids = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(ids));
  }

  static IdsByName parse(List<String> items) {
    Map<String, Long> ids = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.lastIndexOf('=');
      String name = eq < 0 ? "" : item.substring(0, eq).trim();
      String id = eq < 0 ? "" : item.substring(eq + 1).trim();
      if (name.isEmpty() || !id.matches("\\d{1,18}")) {
        throw new IllegalArgumentException("'" + item + "' is not name=id (e.g. Billing=142)");
      }
      if (ids.put(name.toLowerCase(Locale.ROOT), Long.parseLong(id)) != null) {
        throw new IllegalArgumentException("'" + name + "' is listed twice");
      }
    }
    return new IdsByName(ids);
  }

  Optional<Long> get(String name) {
    return name == null ? Optional.empty() : Optional.ofNullable(ids.get(name.trim().toLowerCase(Locale.ROOT)));
  }

  /** The ids in the order the admin listed them (the round-robin order of responsible users). */
  List<Long> values() {
    return List.copyOf(ids.values());
  }

  boolean isEmpty() {
    return ids.isEmpty();
  }
}
