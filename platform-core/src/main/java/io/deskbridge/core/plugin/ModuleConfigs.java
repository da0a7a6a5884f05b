package io.deskbridge.core.plugin;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.PluginConfig;
import io.deskbridge.core.plugin.spi.Secret;
import io.deskbridge.core.shared.FieldError;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a configuration as an admin typed it (JSON values) into a typed {@link PluginConfig},
 * collecting every field's problem. Secrets sent as the mask, or left out, keep their stored value,
 * so an admin can change other fields without re-entering them.
 */
public final class ModuleConfigs {

  /** How a stored secret is shown; sending it back means "unchanged". */
  public static final String MASK = "********";

  /**
   * The outcome: the typed config, its storable parts (plain values as canonical strings and lists,
   * secrets apart for encryption), and the errors, if any.
   */
  public record Parsed(PluginConfig config, Map<String, Object> plain, Map<String, String> secrets,
      List<FieldError> errors) {

    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  private ModuleConfigs() {}

  public static Parsed parse(List<ConfigProperty> spec, Map<String, Object> raw, Map<String, String> storedSecrets) {
    Map<String, Object> input = raw == null ? Map.of() : raw;
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = new java.util.HashSet<>();
    Map<String, Object> typed = new LinkedHashMap<>();
    Map<String, Object> plain = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (ConfigProperty property : spec) {
      known.add(property.key());
      Object value = input.get(property.key());
      if (property.isSecret() && (value == null || MASK.equals(value))) {
        value = storedSecrets.get(property.key());
      }
      if (property.emptyAllowed() && "".equals(value)) {
        typed.put(property.key(), "");
        plain.put(property.key(), "");
        continue;
      }
      if (isBlank(value, property.type())) {
        value = property.defaultValue();
      }
      if (isBlank(value, property.type())) {
        if (property.required()) {
          errors.add(new FieldError(property.key(), "is required"));
        }
        continue;
      }
      try {
        Object v = typed(property, value);
        typed.put(property.key(), v);
        if (property.isSecret()) {
          secrets.put(property.key(), ((Secret) v).reveal());
        } else {
          plain.put(property.key(), storable(v));
        }
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError(property.key(), e.getMessage()));
      }
    }
    input.keySet().stream().filter(k -> !known.contains(k)).sorted()
        .forEach(k -> errors.add(new FieldError(k, "is not a setting of this module")));
    return new Parsed(new PluginConfig(typed), plain, secrets, errors);
  }

  /** Rebuilds the typed config from what was stored (already validated when it was saved). */
  public static PluginConfig load(List<ConfigProperty> spec, Map<String, Object> plain, Map<String, String> secrets) {
    Map<String, Object> raw = new HashMap<>(plain);
    secrets.forEach(raw::put);
    raw.keySet().retainAll(spec.stream().map(ConfigProperty::key).toList());
    return parse(spec, raw, secrets).config();
  }

  private static Object typed(ConfigProperty p, Object value) {
    return switch (p.type()) {
      case STRING -> string(value);
      case SECRET -> new Secret(string(value));
      case URL -> url(text(value));
      case ENUM -> oneOf(p, text(value));
      case BOOLEAN -> bool(value);
      case INTEGER -> integer(value);
      case DURATION -> duration(text(value));
      case LIST -> list(p, value);
    };
  }

  /** Free text keeps its spaces ("Echo: " is a prefix with a space). */
  private static String string(Object value) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("must be a string");
    }
    return s;
  }

  private static String text(Object value) {
    if (!(value instanceof String s)) {
      throw new IllegalArgumentException("must be a string");
    }
    return s.trim();
  }

  private static URI url(String value) {
    try {
      URI uri = new URI(value);
      if (!uri.isAbsolute() || uri.getHost() == null
          || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
        throw new IllegalArgumentException("must be an absolute http(s) URL");
      }
      return uri;
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("must be an absolute http(s) URL");
    }
  }

  private static String oneOf(ConfigProperty p, String value) {
    if (!p.options().contains(value)) {
      throw new IllegalArgumentException("must be one of " + p.options());
    }
    return value;
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if ("true".equals(value) || "false".equals(value)) {
      return Boolean.valueOf((String) value);
    }
    throw new IllegalArgumentException("must be true or false");
  }

  private static Long integer(Object value) {
    try {
      BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(text(value));
      return number.longValueExact();
    } catch (ArithmeticException | NumberFormatException e) {
      throw new IllegalArgumentException("must be a whole number");
    }
  }

  private static Duration duration(String value) {
    try {
      Duration d = Duration.parse(value);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException("must be a positive ISO-8601 duration such as PT5M");
      }
      return d;
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("must be a positive ISO-8601 duration such as PT5M");
    }
  }

  private static List<String> list(ConfigProperty p, Object value) {
    List<String> items;
    if (value instanceof String s) {
      items = Arrays.stream(s.split(",")).map(String::trim).filter(x -> !x.isEmpty()).toList();
    } else if (value instanceof List<?> l) {
      items = new ArrayList<>();
      for (Object o : l) {
        items.add(text(o));
      }
    } else {
      throw new IllegalArgumentException("must be a list of strings");
    }
    if (!p.options().isEmpty()) {
      for (String item : items) {
        if (!p.options().contains(item)) {
          throw new IllegalArgumentException("'" + item + "' is not one of " + p.options());
        }
      }
    }
    return List.copyOf(items);
  }

  private static Object storable(Object typed) {
    if (typed instanceof URI || typed instanceof Duration) {
      return typed.toString();
    }
    return typed;
  }

  /** Absent: null or blank text; for a LIST also a list with nothing in it ([] or " , "). */
  private static boolean isBlank(Object value, ConfigType type) {
    if (type == ConfigType.LIST && value instanceof List<?> list) {
      return list.stream().allMatch(v -> isBlank(v, ConfigType.STRING));
    }
    if (value instanceof String s) {
      return s.isBlank() || (type == ConfigType.LIST && s.replace(",", "").isBlank());
    }
    return value == null;
  }

}
