package io.deskbridge.core.plugin.spi;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tenant's validated configuration of a module. Values have the Java type of their {@link
 * ConfigType}: String, URI, {@link Secret}, Boolean, Long, Duration, List&lt;String&gt;; absent
 * optional fields without a default are absent here too.
 */
public final class PluginConfig {

  private final Map<String, Object> values;

  public PluginConfig(Map<String, Object> values) {
    this.values = Map.copyOf(values);
  }

  public Optional<Object> value(String key) {
    return Optional.ofNullable(values.get(key));
  }

  public String string(String key) {
    return (String) values.get(key);
  }

  public URI uri(String key) {
    return (URI) values.get(key);
  }

  public Secret secret(String key) {
    return (Secret) values.get(key);
  }

  public boolean bool(String key) {
    return Boolean.TRUE.equals(values.get(key));
  }

  public long integer(String key) {
    return (Long) values.get(key);
  }

  public Duration duration(String key) {
    return (Duration) values.get(key);
  }

  @SuppressWarnings("unchecked")
  public List<String> list(String key) {
    Object v = values.get(key);
    return v == null ? List.of() : (List<String>) v;
  }

  @Override
  public String toString() {
    return "PluginConfig" + values.keySet();
  }
}
