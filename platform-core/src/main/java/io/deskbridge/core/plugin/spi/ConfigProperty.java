package io.deskbridge.core.plugin.spi;

import java.util.List;

/**
 * One field of a module's configuration: drives the admin form, the API's {@code configSchema}
 * and the validation that runs before a configuration is saved.
 *
 * @param defaultValue the value used when the field is absent, as it would be typed (e.g. "PT5M")
 * @param options allowed values for ENUM and LIST (empty: any)
 * @param emptyAllowed an empty string sent for the field is a setting of its own (Slack's "autoAfter":
 *     ask only when an agent does) and is kept; otherwise a blank field takes the default
 */
public record ConfigProperty(String key, String label, ConfigType type, boolean required,
    String defaultValue, String help, List<String> options, boolean emptyAllowed) {

  public ConfigProperty {
    options = options == null ? List.of() : List.copyOf(options);
  }

  public ConfigProperty(String key, String label, ConfigType type, boolean required, String defaultValue,
      String help, List<String> options) {
    this(key, label, type, required, defaultValue, help, options, false);
  }

  public boolean isSecret() {
    return type == ConfigType.SECRET;
  }

  public static Builder of(String key, ConfigType type, String label) {
    return new Builder(key, type, label);
  }

  /** Fluent construction for factories' static field declarations. */
  public static final class Builder {
    private final String key;
    private final ConfigType type;
    private final String label;
    private boolean required;
    private String defaultValue;
    private String help;
    private List<String> options = List.of();
    private boolean emptyAllowed;

    private Builder(String key, ConfigType type, String label) {
      this.key = key;
      this.type = type;
      this.label = label;
    }

    public Builder required() {
      this.required = true;
      return this;
    }

    public Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    public Builder help(String help) {
      this.help = help;
      return this;
    }

    public Builder options(List<String> options) {
      this.options = options;
      return this;
    }

    /** An empty string is a value of its own, not "use the default" (a STRING field only). */
    public Builder emptyAllowed() {
      if (type != ConfigType.STRING) {
        throw new IllegalStateException(key + ": only a STRING field can keep an empty value");
      }
      this.emptyAllowed = true;
      return this;
    }

    public ConfigProperty build() {
      return new ConfigProperty(key, label, type, required, defaultValue, help, options, emptyAllowed);
    }
  }
}
