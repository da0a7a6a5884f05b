package io.deskbridge.examples.echo;

import io.deskbridge.core.plugin.spi.ConfigProperty;
import io.deskbridge.core.plugin.spi.ConfigType;
import io.deskbridge.core.plugin.spi.Plugin;
import io.deskbridge.core.plugin.spi.PluginContext;
import io.deskbridge.core.plugin.spi.PluginFactory;
import java.util.List;

/**
 * The example module installed from a jar in the plugins directory: a webhook that, given the
 * tenant's token, writes the posted text as an internal note. Listed in {@code
 * META-INF/services/io.deskbridge.core.plugin.spi.PluginFactory}, so Deskbridge finds it at boot
 * with {@link java.util.ServiceLoader}; it needs a public no-argument constructor for that.
 */
public final class EchoPluginFactory implements PluginFactory {

  public static final String ID = "echo";

  static final ConfigProperty TOKEN = ConfigProperty.of("token", ConfigType.SECRET, "Webhook token")
      .required()
      .help("Callers of the webhook send it as " + EchoPlugin.TOKEN_HEADER)
      .build();

  static final ConfigProperty PREFIX = ConfigProperty.of("prefix", ConfigType.STRING, "Note prefix")
      .defaultValue("Echo: ")
      .help("Put before the posted text in the internal note")
      .build();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String displayName() {
    return "Echo (example plugin)";
  }

  @Override
  public String description() {
    return "Example module: verifies a token on its webhook and writes the posted text as an internal note";
  }

  @Override
  public String version() {
    return "1.0.0";
  }

  @Override
  public List<ConfigProperty> configSpec() {
    return List.of(TOKEN, PREFIX);
  }

  @Override
  public Plugin create(PluginContext context) {
    return new EchoPlugin(context);
  }
}
